package io.noetl.topology.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Step events and windows as the previous release wrote them (fixed bytes): still read, and written alike. */
class StepWindowBytesTest {

    private static final String EXEC = "01JNQ0000000000000000EXEC1";
    private static final HexFormat HEX = HexFormat.of();

    @Test
    @DisplayName("step events of the previous release decode to the same values and encode to the same bytes")
    void previousStepEventsDecode() {
        byte[] error = HEX.parseHex("0101fbbccf8cd53288271b30314a4e5130303030303030303030303030303030455845433107"
                + "746d706c2d39");
        byte[] retry = HEX.parseHex("0102e8c3cf8cd532010000");
        assertThat(StepEvent.fromBytes(error))
                .isEqualTo(new StepEvent(StepEvent.ERROR, 1_740_830_400_123L, 2500, EXEC, "tmpl-9"));
        assertThat(StepEvent.fromBytes(retry)).isEqualTo(new StepEvent(StepEvent.RETRY, 1_740_830_401_000L, -1, null, null));
        assertThat(StepEvent.fromBytes(error).toBytes()).isEqualTo(error);
        assertThat(StepEvent.fromBytes(retry).toBytes()).isEqualTo(retry);
    }

    @Test
    @DisplayName("a step window of the previous release decodes to the same counts and quantiles, and re-encodes alike")
    void previousStepWindowDecodes() {
        // durations 2500 (failed), 0, 1, 120, 121 ms and one retry, in a sketch of 1 % accuracy
        byte[] bytes = HEX.parseHex("01050101017b14ae47e17a843f801005010000000000000000000000000088a34000000000006c"
                + "a540890300" + "01" + "00".repeat(239) + "02" + "00".repeat(151) + "01");
        StepWindow w = StepWindow.fromBytes(bytes);
        assertThat(w.count()).isEqualTo(5);
        assertThat(w.failures()).isEqualTo(1);
        assertThat(w.retries()).isEqualTo(1);
        QuantileSketch d = w.durations();
        assertThat(d.count()).isEqualTo(5);
        assertThat(d.min()).isEqualTo(0.0);
        assertThat(d.max()).isEqualTo(2500.0);
        assertThat(d.sum()).isEqualTo(2742.0);
        assertThat(d.quantile(0.5)).isEqualTo(120.31456328864435);
        assertThat(d.quantile(0.95)).isEqualTo(120.31456328864435);
        assertThat(d.quantile(0.99)).isEqualTo(120.31456328864435);
        assertThat(d.quantile(0.25)).as("1 ms, in the bucket (0.98, 1]").isEqualTo(0.9900000000000001);
        assertThat(w.toBytes()).isEqualTo(bytes);
    }
}

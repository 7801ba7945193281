package io.noetl.topology.metrics;

import static io.noetl.topology.metrics.TestEvents.T0;
import static io.noetl.topology.metrics.TestEvents.done;
import static io.noetl.topology.metrics.TestEvents.event;
import static io.noetl.topology.metrics.TestEvents.failed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.noetl.schemas.Names;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.StepMetrics;
import io.noetl.topology.JsonSerde;
import io.noetl.topology.TopologyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepMetricsStageTest {

    private static final String PB = "data/ingestion/daily_load";
    private static final String KEY = PB + "/extract";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, NormalizedEvent> in;
    private TestOutputTopic<String, StepMetrics> out;

    @BeforeEach
    void start() {
        Names names = new Names("t_");
        TopologyConfig cfg = TopologyConfig.defaults(names).withMetricsWindow(Duration.ofMinutes(1),
                Duration.ofSeconds(10));
        StreamsBuilder b = new StreamsBuilder();
        StepMetricsStage.attach(TestEvents.source(b, names), cfg);
        driver = new TopologyTestDriver(b.build(), TestEvents.props(stateDir));
        in = driver.createInputTopic(names.eventsTopic(), Serdes.String().serializer(),
                JsonSerde.of(NormalizedEvent.class).serializer());
        out = driver.createOutputTopic(names.stepMetricsTopic(), Serdes.String().deserializer(),
                JsonSerde.of(StepMetrics.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(NormalizedEvent e) {
        in.pipeInput(e.executionId(), e, e.timestamp());
    }

    /** The latest record per (key, window start): each record is an upsert of its window. */
    private Map<String, StepMetrics> latestPerWindow(List<KeyValue<String, StepMetrics>> records) {
        Map<String, StepMetrics> latest = new LinkedHashMap<>();
        for (KeyValue<String, StepMetrics> kv : records) {
            latest.put(kv.key + "@" + kv.value.windowStart(), kv.value);
        }
        return latest;
    }

    @Test
    @DisplayName("per step and window: attempts, failures, retries, error rate and duration quantiles; other kinds ignored")
    void aggregatesPerWindow() {
        for (int i = 1; i <= 8; i++) {
            send(done("e" + i, PB, "extract", T0.plusSeconds(i), i * 10L));
        }
        send(failed("e9", PB, "extract", T0.plusSeconds(20), 100, "tpl1"));
        send(failed("e10", PB, "extract", T0.plusSeconds(21), 200, "tpl1"));
        for (int i = 0; i < 3; i++) {
            send(event("e9", PB, "extract", Kinds.RETRY, T0.plusSeconds(22 + i), null, null));
        }
        send(event("e1", PB, "extract", Kinds.LIFECYCLE, T0.plusSeconds(30), 5L, null));
        send(done("x1", PB, "load", T0.plusSeconds(31), 7));
        send(done("e11", PB, "extract", T0.plusSeconds(65), 40));

        List<KeyValue<String, StepMetrics>> records = out.readKeyValuesToList();
        assertThat(records).as("one upsert per counted event").hasSize(15);
        Map<String, StepMetrics> latest = latestPerWindow(records);
        assertThat(latest).containsOnlyKeys(KEY + "@" + T0, PB + "/load@" + T0, KEY + "@" + T0.plusSeconds(60));

        StepMetrics w0 = latest.get(KEY + "@" + T0);
        assertThat(w0.playbookPath()).isEqualTo(PB);
        assertThat(w0.step()).isEqualTo("extract");
        assertThat(w0.windowEnd()).isEqualTo(T0.plusSeconds(60));
        assertThat(w0.count()).isEqualTo(10);
        assertThat(w0.failures()).isEqualTo(2);
        assertThat(w0.retries()).isEqualTo(3);
        assertThat(w0.errorRate()).isEqualTo(0.2);
        // durations 10..80, 100, 200: ranks floor(q * 9) -> p50 = 50, p95 = 100, p99 = 100
        assertThat(w0.durationP50Ms()).isCloseTo(50.0, within(0.5));
        assertThat(w0.durationP95Ms()).isCloseTo(100.0, within(1.0));
        assertThat(w0.durationP99Ms()).isCloseTo(100.0, within(1.0));
        assertThat(w0.durationMaxMs()).isEqualTo(200.0);

        StepMetrics w1 = latest.get(KEY + "@" + T0.plusSeconds(60));
        assertThat(w1.count()).isEqualTo(1);
        assertThat(w1.errorRate()).isZero();
        assertThat(latest.get(PB + "/load@" + T0).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("a late event within the grace period updates its window; one past the grace is dropped")
    void lateEventsWithinGraceOnly() {
        send(done("a", PB, "extract", T0.plusSeconds(30), 10));
        send(done("b", PB, "extract", T0.plusSeconds(65), 10)); // stream time 65 s: window 0 open until 70 s
        send(done("late", PB, "extract", T0.plusSeconds(40), 10));
        Map<String, StepMetrics> latest = latestPerWindow(out.readKeyValuesToList());
        assertThat(latest.get(KEY + "@" + T0).count()).isEqualTo(2);

        send(done("c", PB, "extract", T0.plusSeconds(80), 10)); // stream time 80 s: window 0 closed
        send(done("too-late", PB, "extract", T0.plusSeconds(50), 10));
        List<KeyValue<String, StepMetrics>> after = out.readKeyValuesToList();
        assertThat(after).hasSize(1);
        assertThat(after.get(0).value.windowStart()).isEqualTo(T0.plusSeconds(60));
        assertThat(after.get(0).value.count()).isEqualTo(2);
    }

    @Test
    @DisplayName("windows follow the event's own timestamp, not the time the record was written")
    void eventTimeWindows() {
        NormalizedEvent e = done("a", PB, "extract", T0.plusSeconds(125), 10);
        in.pipeInput(e.executionId(), e, Instant.parse("2031-06-01T00:00:00Z"));
        StepMetrics m = out.readValue();
        assertThat(m.windowStart()).isEqualTo(T0.plusSeconds(120));
    }
}

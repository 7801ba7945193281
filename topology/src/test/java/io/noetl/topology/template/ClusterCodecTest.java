package io.noetl.topology.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClusterCodecTest {

    /** {@link #sample()} as the previous release encoded it (version 1). */
    private static final String PREVIOUS_RELEASE_BYTES = ""
            + "0100000004632d313700000009623a343a6c6f67696e0000000000000011000000000000002a00000000000000630000"
            + "0007000000056c6f67696e00000000066661696c65640200000003666f7202000000033c2a3e02000000012803000000"
            + "02c3a900000000012901";

    private static ClusterSnapshot sample() {
        return new ClusterSnapshot("c-17", "b:4:login", 17, 42, 99,
                new String[] {"login", "failed", "for", "<*>", "(", "é", ")"},
                new boolean[] {false, false, false, false, true, false, true},
                new boolean[] {false, true, true, true, true, false, false});
    }

    @Test
    @DisplayName("a cluster survives encode and decode with every field")
    void roundTrip() {
        ClusterSnapshot back = ClusterCodec.decode(ClusterCodec.encode(sample()));
        assertSameCluster(back, sample());
    }

    @Test
    @DisplayName("a cluster written by the previous release (version 1) decodes to the same cluster")
    void previousReleaseClusterDecodes() {
        byte[] previous = HexFormat.of().parseHex(PREVIOUS_RELEASE_BYTES);
        assertSameCluster(ClusterCodec.decode(previous), sample());
        assertThat(ClusterCodec.encode(sample()).length).as("the current layout is smaller")
                .isLessThan(previous.length * 2 / 3);
    }

    @Test
    @DisplayName("bytes of another version are refused")
    void unknownVersionRefused() {
        assertThatThrownBy(() -> ClusterCodec.decode(new byte[] {9})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9");
    }

    private static void assertSameCluster(ClusterSnapshot actual, ClusterSnapshot expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.bucketKey()).isEqualTo(expected.bucketKey());
        assertThat(new long[] {actual.createdSeq(), actual.size(), actual.lastUsed()})
                .containsExactly(expected.createdSeq(), expected.size(), expected.lastUsed());
        assertThat(actual.tokens()).containsExactly(expected.tokens());
        assertThat(actual.delimiter()).containsExactly(expected.delimiter());
        assertThat(actual.spaceBefore()).containsExactly(expected.spaceBefore());
    }
}

package io.noetl.topology.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DetectorSnapshotTest {

    static Iterable<String> detectorNames() {
        return Detectors.names();
    }

    @ParameterizedTest
    @MethodSource("detectorNames")
    @DisplayName("a restored detector scores the rest of a series exactly as the one it was taken from")
    void restoredDetectorContinuesIdentically(String name) {
        AnomalyDetector original = Detectors.create(name);
        long t = 1_700_000_000_000L;
        for (int i = 0; i < 600; i++) {
            original.score(t + i * 60_000L, 100 + 10 * Math.sin(i / 7.0) + (i % 13));
        }
        AnomalyDetector copy = Detectors.restore(Detectors.snapshot(original));
        for (int i = 600; i < 800; i++) {
            double v = i == 700 ? 900 : 100 + 10 * Math.sin(i / 7.0) + (i % 13);
            assertThat(copy.score(t + i * 60_000L, v)).isEqualTo(original.score(t + i * 60_000L, v));
        }
    }

    @ParameterizedTest
    @MethodSource("detectorNames")
    @DisplayName("a snapshot stays within 64 KB however long and wild the series")
    void snapshotIsBounded(String name) {
        AnomalyDetector d = Detectors.create(name);
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < 60_000; i++) {
            // a drifting, heavy-tailed series that keeps visiting new bins
            double v = i * 0.05 + Math.exp(2 * rnd.nextGaussian()) * (rnd.nextInt(50) == 0 ? 100 : 1);
            d.score(1_700_000_000_000L + i * 60_000L, v);
        }
        assertThat(Detectors.snapshot(d).length).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    @DisplayName("bytes that are not a detector snapshot are refused with a clear error")
    void refusesForeignBytes() {
        assertThatThrownBy(() -> Detectors.restore(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a detector snapshot");
    }
}

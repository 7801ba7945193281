package io.noetl.topology.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.topology.codec.Wire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** Noise with a level shift and spikes, so every part of a detector's state is exercised. */
    private static double[] series() {
        double[] s = Series.noisy(7000, 21);
        for (int i = 1200; i < 1600; i++) {
            s[i] += 12;
        }
        s[2000] += 40;
        s[2400] -= 30;
        return s;
    }

    @ParameterizedTest
    @MethodSource("detectorNames")
    @DisplayName("a detector restored from its snapshot scores every later point exactly as the original, at any age")
    void restoredDetectorContinuesExactly(String name) {
        double[] series = series();
        for (int cut : new int[] {0, 40, 151, 1300, 2600, 6450}) {
            AnomalyDetector original = Detectors.create(name);
            for (int i = 0; i < cut; i++) {
                original.score(i * 60_000L, series[i]);
            }
            byte[] snapshot = Detectors.snapshot(original);
            AnomalyDetector restored = Detectors.restore(snapshot);
            assertThat(restored.name()).isEqualTo(name);
            // scratch buffers are rewritten before they are read; the warm-up values are not read after the warm-up
            String[] unread = cut >= NoveltyConfig.DEFAULT.warmup() ? new String[] {"features", "windows.out", "warm"}
                    : new String[] {"features", "windows.out"};
            assertThat(restored).as("%s at %d: same state", name, cut).usingRecursiveComparison()
                    .ignoringFields(unread).withEqualsForType(Double::equals, Double.class)
                    .withEqualsForType(Float::equals, Float.class).isEqualTo(original);
            assertThat(Detectors.snapshot(restored)).as("%s at %d: same bytes again", name, cut).isEqualTo(snapshot);
            double[] expected = new double[series.length - cut];
            double[] actual = new double[series.length - cut];
            for (int i = cut; i < series.length; i++) {
                expected[i - cut] = original.score(i * 60_000L, series[i]);
                actual[i - cut] = restored.score(i * 60_000L, series[i]);
            }
            assertThat(actual).as("%s cut at %d", name, cut).containsExactly(expected);
        }
    }

    @Test
    @DisplayName("snapshots of an unknown version or detector, truncated or with trailing bytes are refused by name")
    void malformedSnapshotsAreRefused() {
        byte[] good = Detectors.snapshot(Detectors.create(Detectors.DEFAULT));
        assertThatThrownBy(() -> Detectors.restore(new byte[] {9})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9");
        assertThatThrownBy(() -> Detectors.restore(new Wire.Out(8).u8(1).string("nope").toBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown detector 'nope'");
        assertThatThrownBy(() -> Detectors.restore(Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> Detectors.restore(Arrays.copyOf(good, good.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing bytes");
    }

    @Test
    @DisplayName("Java serialization, in which earlier releases wrote snapshots, is told apart from the current format")
    void javaSerializationIsRecognized() throws IOException {
        assertThat(Detectors.isJavaSerialization(javaSerialized())).isTrue();
        for (String name : Detectors.names()) {
            assertThat(Detectors.isJavaSerialization(Detectors.snapshot(Detectors.create(name)))).isFalse();
        }
        assertThat(Detectors.isJavaSerialization(new byte[] {(byte) 0xAC, (byte) 0xED})).isFalse();
    }

    /** Bytes as an earlier release's snapshot starts: a Java-serialized object. */
    static byte[] javaSerialized() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new EarlierSnapshot(new double[] {1, 2, 3}, 3));
        }
        return bytes.toByteArray();
    }

    private record EarlierSnapshot(double[] window, int seen) implements Serializable {
    }
}

package io.noetl.topology.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The sketch against the previous release's own implementation ({@link PreviousQuantileSketch}). */
class QuantileSketchPreviousReleaseTest {

    private static final double[] QS = {0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0};
    private static final int N = 100_000;

    static Stream<Arguments> distributions() {
        Random r = new Random(99);
        return Stream.of(
                Arguments.of("uniform 0..10 s", 2048, (DoubleSupplier) () -> r.nextDouble() * 10_000),
                Arguments.of("lognormal around 100 ms", 2048,
                        (DoubleSupplier) () -> Math.exp(Math.log(100) + r.nextGaussian())),
                Arguments.of("whole ms, lognormal around 3 ms (bucket boundaries at 1 ms)", 2048,
                        (DoubleSupplier) () -> (double) Math.round(Math.exp(Math.log(3) + r.nextGaussian()))),
                Arguments.of("integers with zeros", 2048, (DoubleSupplier) () -> (double) r.nextInt(20)),
                Arguments.of("bimodal 5 ms and 2 s", 2048, (DoubleSupplier) () -> r.nextDouble() < 0.7
                        ? 5 + Math.abs(r.nextGaussian()) : 2000 + r.nextGaussian() * 100),
                Arguments.of("Pareto tail", 2048, (DoubleSupplier) () -> 10 / Math.pow(1 - r.nextDouble(), 1 / 1.2)),
                Arguments.of("1e-12 to 1e12, collapsing into 64 buckets", 64,
                        (DoubleSupplier) () -> Math.pow(10, -12 + 24 * r.nextDouble())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    @DisplayName("filled with the same 100k values, the sketch answers every quantile exactly as the previous one, and"
            + " writes the same bytes")
    void sameQuantilesAsThePreviousSketch(String name, int maxBuckets, DoubleSupplier dist) {
        QuantileSketch sketch = new QuantileSketch(QuantileSketch.DEFAULT_ACCURACY, maxBuckets);
        PreviousQuantileSketch previous = new PreviousQuantileSketch(QuantileSketch.DEFAULT_ACCURACY, maxBuckets);
        for (int i = 0; i < N; i++) {
            double v = dist.getAsDouble();
            sketch.add(v);
            previous.add(v);
        }
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            assertThat(sketch.quantile(q)).as("p%s of %s", q * 100, name).isEqualTo(previous.quantile(q));
        }
        for (double q : QS) {
            assertThat(sketch.quantile(q)).as("q%s of %s", q, name).isEqualTo(previous.quantile(q));
        }
        assertThat(sketch.bucketCounts()).isEqualTo(previous.bucketCounts());
        assertThat(sketch.bucketSpan()).isEqualTo(previous.bucketSpan());
        assertThat(sketch.toBytes()).isEqualTo(previous.toBytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    @DisplayName("a sketch the previous release encoded decodes to the same quantiles, and merges alike")
    void previousBytesDecodeToTheSameQuantiles(String name, int maxBuckets, DoubleSupplier dist) {
        PreviousQuantileSketch[] previous = new PreviousQuantileSketch[3];
        for (int p = 0; p < previous.length; p++) {
            previous[p] = new PreviousQuantileSketch(QuantileSketch.DEFAULT_ACCURACY, maxBuckets);
            for (int i = 0; i < N / 3; i++) {
                // parts over different ranges, so merging extends and collapses the buckets
                previous[p].add(dist.getAsDouble() * (1 + p * 10));
            }
        }
        QuantileSketch merged = new QuantileSketch(QuantileSketch.DEFAULT_ACCURACY, maxBuckets);
        PreviousQuantileSketch previousMerged = new PreviousQuantileSketch(QuantileSketch.DEFAULT_ACCURACY, maxBuckets);
        for (PreviousQuantileSketch part : previous) {
            byte[] bytes = part.toBytes();
            QuantileSketch decoded = QuantileSketch.fromBytes(bytes);
            for (double q : QS) {
                assertThat(decoded.quantile(q)).as("q%s of %s", q, name).isEqualTo(part.quantile(q));
            }
            assertThat(decoded.count()).isEqualTo(part.count());
            assertThat(decoded.sum()).isEqualTo(part.sum());
            assertThat(decoded.toBytes()).isEqualTo(bytes);
            merged.merge(decoded);
            previousMerged.merge(part);
        }
        for (double q : QS) {
            assertThat(merged.quantile(q)).as("merged q%s of %s", q, name).isEqualTo(previousMerged.quantile(q));
        }
        assertThat(merged.toBytes()).isEqualTo(previousMerged.toBytes());
    }

    @Test
    @DisplayName("fixed bytes of the previous release (zeros, a collapsed range, a huge value) decode to its quantiles")
    void fixedPreviousBytesDecode() {
        // 0, 1e-12, 1, 1, 2, 3, 1000, 1001, 5e6, 1e12 in a sketch of 1 % accuracy and 64 buckets
        byte[] bytes = HexFormat.of().parseHex("017b14ae47e17a843f400a020000000000000000000000a2941a6d420000632c9e1a6d"
                + "4240ce14070000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                + "00000000000000000000000000000000000001");
        QuantileSketch s = QuantileSketch.fromBytes(bytes);
        assertThat(s.count()).isEqualTo(10);
        assertThat(s.min()).isEqualTo(0.0);
        assertThat(s.max()).isEqualTo(1e12);
        assertThat(s.bucketSpan()).isEqualTo(64);
        assertThat(s.quantile(0.1)).isEqualTo(0.0);
        assertThat(s.quantile(0.5)).isEqualTo(2.835995515264029E11);
        assertThat(s.quantile(0.99)).isEqualTo(2.835995515264029E11);
        assertThat(s.toBytes()).isEqualTo(bytes);
    }
}

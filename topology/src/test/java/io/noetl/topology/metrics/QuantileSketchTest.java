package io.noetl.topology.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuantileSketchTest {

    private static final double[] QS = {0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0};

    static Stream<Arguments> distributions() {
        Random r = new Random(42);
        return Stream.of(
                Arguments.of("uniform 0..10 s", (DoubleSupplier) () -> r.nextDouble() * 10_000),
                Arguments.of("lognormal around 100 ms", (DoubleSupplier) () -> Math.exp(Math.log(100) + r.nextGaussian())),
                Arguments.of("bimodal 5 ms and 2 s", (DoubleSupplier) () -> r.nextDouble() < 0.7
                        ? 5 + r.nextGaussian() * 0.5 + 1 : 2000 + r.nextGaussian() * 100),
                Arguments.of("integers with zeros", (DoubleSupplier) () -> (double) r.nextInt(20)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    @DisplayName("every quantile is within the relative accuracy of the exact value at that rank")
    void quantilesWithinRelativeAccuracy(String name, DoubleSupplier dist) {
        int n = 50_000;
        double[] values = new double[n];
        QuantileSketch sketch = new QuantileSketch();
        for (int i = 0; i < n; i++) {
            values[i] = Math.max(0, dist.getAsDouble());
            sketch.add(values[i]);
        }
        Arrays.sort(values);
        for (double q : QS) {
            double exact = values[(int) Math.floor(q * (n - 1))];
            assertThat(sketch.quantile(q)).as("q%s of %s", q, name)
                    .isCloseTo(exact, within(exact * QuantileSketch.DEFAULT_ACCURACY + 1e-12));
        }
        assertThat(sketch.count()).isEqualTo(n);
        assertThat(sketch.min()).isEqualTo(values[0]);
        assertThat(sketch.max()).isEqualTo(values[n - 1]);
        assertThat(sketch.toBytes().length).as("compact").isLessThan(4 * 1024);
    }

    @Test
    @DisplayName("merging sketches of parts gives the sketch of the whole")
    void mergeOfPartsEqualsWhole() {
        Random r = new Random(7);
        QuantileSketch whole = new QuantileSketch();
        QuantileSketch[] parts = {new QuantileSketch(), new QuantileSketch(), new QuantileSketch()};
        for (int i = 0; i < 30_000; i++) {
            double v = i % 50 == 0 ? 0 : Math.exp(r.nextGaussian() * 2 + 3);
            whole.add(v);
            parts[i % 3].add(v);
        }
        QuantileSketch merged = new QuantileSketch().merge(parts[0]).merge(parts[1]).merge(parts[2]);
        assertThat(merged.count()).isEqualTo(whole.count());
        assertThat(merged.min()).isEqualTo(whole.min());
        assertThat(merged.max()).isEqualTo(whole.max());
        assertThat(merged.sum()).isCloseTo(whole.sum(), within(whole.sum() * 1e-9));
        assertThat(merged.bucketCounts()).isEqualTo(whole.bucketCounts());
        for (double q : QS) {
            assertThat(merged.quantile(q)).isEqualTo(whole.quantile(q));
        }
    }

    @Test
    @DisplayName("a sketch survives its byte form unchanged, an empty one included")
    void serializationRoundTrip() {
        QuantileSketch s = new QuantileSketch();
        assertThat(QuantileSketch.fromBytes(s.toBytes()).count()).isZero();
        assertThat(QuantileSketch.fromBytes(s.toBytes()).quantile(0.5)).isNaN();
        Random r = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            s.add(r.nextInt(5) == 0 ? 0 : 1 + r.nextDouble() * 500);
        }
        byte[] bytes = s.toBytes();
        QuantileSketch back = QuantileSketch.serde().deserializer().deserialize("t",
                QuantileSketch.serde().serializer().serialize("t", s));
        assertThat(back.toBytes()).isEqualTo(bytes);
        assertThat(back.count()).isEqualTo(s.count());
        for (double q : QS) {
            assertThat(back.quantile(q)).isEqualTo(s.quantile(q));
        }
        assertThat(bytes.length).as("a few hundred buckets in ~2 bytes each").isLessThan(1200);
        back.add(1e6);
        assertThat(back.max()).isEqualTo(1e6);
    }

    @Test
    @DisplayName("zero and huge values are counted, and a range wider than the bucket bound collapses the lowest buckets")
    void zeroHugeAndCollapsing() {
        QuantileSketch s = new QuantileSketch(0.01, 64);
        s.add(0);
        s.add(0);
        s.add(1e-12);
        for (int i = 0; i < 100; i++) {
            s.add(1000 + i);
        }
        s.add(Long.MAX_VALUE);
        s.add(1e300);
        assertThat(s.count()).isEqualTo(105);
        assertThat(s.quantile(0)).isEqualTo(0.0);
        assertThat(s.quantile(1)).isEqualTo(1e300);
        assertThat(s.max()).isEqualTo(1e300);
        assertThat(s.bucketSpan()).isLessThanOrEqualTo(64);
        // the 1000s collapsed into the lowest kept bucket, yet stay within [min, max] and in rank order
        assertThat(s.quantile(0.5)).isBetween(0.0, 1e300);
        assertThat(QuantileSketch.fromBytes(s.toBytes()).quantile(0.99)).isEqualTo(s.quantile(0.99));

        QuantileSketch wide = new QuantileSketch();
        wide.add(Long.MAX_VALUE);
        wide.add(1);
        assertThat(wide.quantile(1)).isCloseTo((double) Long.MAX_VALUE, within(Long.MAX_VALUE * 0.01));
        assertThat(wide.quantile(0)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("negative, NaN and infinite values and sketches of another accuracy are refused by name")
    void refusesBadInput() {
        QuantileSketch s = new QuantileSketch();
        assertThatThrownBy(() -> s.add(-1)).hasMessageContaining("finite and >= 0");
        assertThatThrownBy(() -> s.add(Double.NaN)).hasMessageContaining("finite and >= 0");
        assertThatThrownBy(() -> s.add(Double.POSITIVE_INFINITY)).hasMessageContaining("finite and >= 0");
        assertThatThrownBy(() -> s.merge(new QuantileSketch(0.02, 2048))).hasMessageContaining("accuracy");
        assertThatThrownBy(() -> s.quantile(1.5)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> QuantileSketch.fromBytes(new byte[] {9})).hasMessageContaining("version");
    }
}

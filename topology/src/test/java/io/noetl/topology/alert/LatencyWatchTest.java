package io.noetl.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.topology.anomaly.AnomalyDetector;
import io.noetl.topology.anomaly.Detectors;
import io.noetl.topology.codec.Wire;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatencyWatchTest {

    private static final long T0 = 1_900_000_000_000L;

    private static LatencyWatch watch() {
        return new LatencyWatch(LatencyWatch.Settings.DEFAULT, 10);
    }

    /** Feeds n values and returns the highest score. */
    private static double feed(LatencyWatch w, AnomalyDetector d, int from, int n, DoubleSupplier values) {
        double max = 0;
        for (int i = from; i < from + n; i++) {
            max = Math.max(max, w.observe(d, T0 + i * 1000L, values.getAsDouble(), "e" + i));
        }
        return max;
    }

    @Test
    @DisplayName("stable noisy latencies stay far below the alert threshold: lognormal, jittery, with rare outliers")
    void stableNoiseScoresLow() {
        Random r = new Random(11);
        DoubleSupplier[] series = {
            () -> Math.exp(Math.log(120) + 0.3 * r.nextGaussian()),
            () -> Math.exp(Math.log(800) + 0.6 * r.nextGaussian()),
            () -> 50 + r.nextInt(40),
            () -> r.nextInt(200) == 0 ? 2000 : 100 + r.nextGaussian() * 10,
            () -> r.nextInt(3) == 0 ? 0 : 1,
        };
        for (int k = 0; k < series.length; k++) {
            LatencyWatch w = watch();
            assertThat(feed(w, Detectors.create(Detectors.DEFAULT), 0, 3000, series[k])).as("series %s", k)
                    .isLessThan(0.9);
        }
    }

    @Test
    @DisplayName("a x5 jump after a stable baseline scores at or above 0.99 within the first few slow attempts")
    void jumpScoresHighFast() {
        Random r = new Random(5);
        LatencyWatch w = watch();
        AnomalyDetector d = Detectors.create(Detectors.DEFAULT);
        feed(w, d, 0, 300, () -> Math.exp(Math.log(100) + 0.2 * r.nextGaussian()));
        int firstHigh = -1;
        for (int i = 0; i < 10 && firstHigh < 0; i++) {
            double s = w.observe(d, T0 + (300 + i) * 1000L, Math.exp(Math.log(500) + 0.2 * r.nextGaussian()), "slow" + i);
            if (s >= 0.99) {
                firstHigh = i;
            }
        }
        assertThat(firstHigh).isBetween(0, 4);
        assertThat(w.expected()).isBetween(90.0, 110.0);
        assertThat(w.observed()).isGreaterThan(300.0);
        assertThat(w.evidence(0)).contains("slow0").allMatch(id -> id.startsWith("slow"));
    }

    @Test
    @DisplayName("a lasting new level becomes the baseline and the score falls back below the clear threshold")
    void newLevelIsLearned() {
        Random r = new Random(9);
        LatencyWatch w = watch();
        feed(w, null, 0, 300, () -> 100 + r.nextGaussian() * 5);
        assertThat(feed(w, null, 300, 20, () -> 500 + r.nextGaussian() * 20)).isGreaterThanOrEqualTo(0.99);
        feed(w, null, 320, 200, () -> 500 + r.nextGaussian() * 20);
        assertThat(feed(w, null, 520, 50, () -> 500 + r.nextGaussian() * 20)).isLessThan(0.5);
    }

    @Test
    @DisplayName("a no-op step going from 0 to a few ms is not a spike, however large the ratio")
    void tinyAbsoluteChangeIsNoSpike() {
        LatencyWatch w = watch();
        feed(w, null, 0, 300, () -> 0);
        assertThat(feed(w, null, 300, 50, () -> 8)).isZero();
    }

    @Test
    @DisplayName("its state survives its byte form: the copy scores the rest of a series like the original")
    void stateRoundTrip() {
        Random r = new Random(2);
        LatencyWatch w = watch();
        feed(w, null, 0, 400, () -> 100 + r.nextGaussian() * 5);
        Wire.Out out = new Wire.Out(64);
        w.writeTo(out);
        LatencyWatch copy = watch();
        copy.readFrom(new Wire.In(out.toBytes()));
        for (int i = 0; i < 50; i++) {
            double v = i < 25 ? 100 : 600;
            assertThat(copy.observe(null, T0 + i, v, "x")).isEqualTo(w.observe(null, T0 + i, v, "x"));
        }
        assertThat(copy.slow().executionIds()).isEqualTo(w.slow().executionIds());
    }
}

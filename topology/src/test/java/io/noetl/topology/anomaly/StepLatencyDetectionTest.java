package io.noetl.topology.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The default detector on the series the topology feeds it: per-step latency, noisy but stable, then a jump. */
class StepLatencyDetectionTest {

    private static double[] lognormalLatency(int n, long seed, double medianMillis, double sigma) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = medianMillis * Math.exp(sigma * rnd.nextGaussian());
        }
        return x;
    }

    @Test
    @DisplayName("a sustained five-fold latency jump after a noisy stable baseline scores at least 0.99 within a few points")
    void sustainedJumpIsAlarmedAlmostAtOnce() {
        for (long seed = 1; seed <= 20; seed++) {
            double[] x = lognormalLatency(700, seed, 120, 0.3);
            for (int i = 400; i < x.length; i++) {
                x[i] *= 5;
            }
            double[] s = Series.run(Detectors.create(Detectors.DEFAULT), x);
            assertThat(Series.max(s, 400, 407)).as("seed %d: best score in the first 7 points of the jump", seed)
                    .isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    @DisplayName("stable lognormal latency (sigma 0.3) almost never scores 0.99 or more")
    void stableNoisyLatencyRarelyAlarms() {
        long high = 0;
        long scored = 0;
        for (long seed = 1; seed <= 10; seed++) {
            double[] s = Series.run(Detectors.create(Detectors.DEFAULT), lognormalLatency(5000, seed, 120, 0.3));
            for (int i = 300; i < s.length; i++) {
                scored++;
                if (s[i] >= 0.99) {
                    high++;
                }
            }
        }
        assertThat((double) high / scored).as("share of points scoring >= 0.99").isLessThan(0.0005);
    }
}

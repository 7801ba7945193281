package io.noetl.topology.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NoveltyDetectorTest {

    @Test
    void warmUpOutputsZero() {
        double[] scores = Series.run(new NoveltyDetector(), Series.noisy(NoveltyConfig.DEFAULT.warmup(), 1));
        assertThat(scores).containsOnly(0.0);
    }

    @Test
    void levelShiftRaisesTheScoreNearTheChangeAndOnlyBriefly() {
        double[] x = Series.noisy(3000, 5);
        for (int i = 2000; i < x.length; i++) {
            x[i] += 8;
        }
        double[] s = Series.run(new NoveltyDetector(), x);
        double before = Series.max(s, 700, 1990);
        double atChange = Series.max(s, 2000, 2030);
        assertThat(atChange).isGreaterThan(0.5).isGreaterThan(before + 0.2);
        long high = IntStream.range(2000, 3000).filter(i -> s[i] >= atChange * 0.9).count();
        assertThat(high).as("points near the peak score after the shift").isLessThan(20);
    }

    @Test
    void spikeOutscoresEveryFlatPoint() {
        double[] x = Series.noisy(2000, 11);
        x[1500] += 25;
        double[] s = Series.run(new NoveltyDetector(), x);
        assertThat(Series.max(s, 1500, 1505)).isGreaterThan(Series.max(s, 600, 1490) + 0.2);
    }

    @Test
    void flatlineThenStepIsDetected() {
        double[] x = new double[1200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < 900 ? 3.0 : 4.0;
        }
        double[] s = Series.run(new NoveltyDetector(), x);
        assertThat(Series.max(s, 0, 900)).isLessThan(0.1);
        assertThat(Series.max(s, 900, 920)).isGreaterThan(0.5);
    }

    @Test
    void invalidConfigFailsFast() {
        assertThatThrownBy(() -> new NoveltyConfig(1, 20, 0.999, 6, 0.1, 1, 100, 5, 10, 0.5, 0.3, 10, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoveltyConfig(100, 20, 1.5, 6, 0.1, 1, 100, 5, 10, 0.5, 0.3, 10, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

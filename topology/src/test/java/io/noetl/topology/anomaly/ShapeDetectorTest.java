package io.noetl.topology.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShapeDetectorTest {

    @Test
    @DisplayName("the warm-up scores zero")
    void warmUpOutputsZero() {
        double[] scores = Series.run(new ShapeDetector(), Series.noisy(ShapeConfig.DEFAULT.warmup(), 1));
        assertThat(scores).containsOnly(0.0);
    }

    @Test
    @DisplayName("a spike in a noisy daily pattern outscores every ordinary point")
    void spikeOutscoresEveryOrdinaryPoint() {
        double[] x = Series.noisy(2000, 11);
        x[1500] += 25;
        double[] s = Series.run(new ShapeDetector(), x);
        assertThat(Series.max(s, 1500, 1505)).isGreaterThan(Series.max(s, 600, 1490) + 0.2);
    }

    @Test
    @DisplayName("a shape never seen before (a burst of oscillation) alarms near its start; its repeat a little later"
            + " does not alarm as strongly")
    void newShapeAlarmsAndItsRepeatLess() {
        double[] x = Series.noisy(3000, 3);
        for (int i = 0; i < 60; i++) {
            x[1800 + i] += (i % 2 == 0 ? 3 : -3);
            x[2400 + i] += (i % 2 == 0 ? 3 : -3);
        }
        double[] s = Series.run(new ShapeDetector(), x);
        double first = Series.max(s, 1800, 1830);
        assertThat(first).isGreaterThan(0.5).isGreaterThan(Series.max(s, 700, 1790) + 0.2);
        assertThat(Series.max(s, 2400, 2460)).isLessThan(first);
    }

    @Test
    @DisplayName("a flat series then a step: quiet on the flat part, an alarm at the step")
    void flatlineThenStepIsDetected() {
        double[] x = new double[1200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < 900 ? 3.0 : 4.0;
        }
        double[] s = Series.run(new ShapeDetector(), x);
        assertThat(Series.max(s, 0, 900)).isLessThan(0.1);
        assertThat(Series.max(s, 900, 920)).isGreaterThan(0.5);
    }

    @Test
    @DisplayName("a window within the vigilance radius is learnt by its prototype; a distant one becomes a new"
            + " prototype; the memory never exceeds its capacity")
    void memoryResonatesLearnsAndStaysBounded() {
        ShapeMemory m = new ShapeMemory(2, 3);
        assertThat(m.matchAndLearn(new double[] {0, 0}, 1.0, 0.5, 1.0)).isInfinite();
        assertThat(m.matchAndLearn(new double[] {0.5, 0.5}, 1.0, 0.5, 1.0)).isEqualTo(0.5);
        assertThat(m.size()).isEqualTo(1);
        // the prototype moved half-way to (0.5, 0.5)
        assertThat(m.matchAndLearn(new double[] {0.25, 0.25}, 1.0, 0.5, 1.0)).isEqualTo(0.0);
        assertThat(m.matchAndLearn(new double[] {10, 10}, 1.0, 0.5, 1.0)).isGreaterThan(9.0);
        assertThat(m.size()).isEqualTo(2);
        for (int k = 0; k < 10; k++) {
            m.matchAndLearn(new double[] {100.0 * k, -100.0 * k}, 1.0, 0.5, 0.9);
        }
        assertThat(m.size()).isEqualTo(3);
    }

    @Test
    @DisplayName("the window holds the means of consecutive steps, oldest first, and slides by one value")
    void windowHoldsStepMeans() {
        ShapeWindow w = new ShapeWindow(2, 2);
        assertThat(w.add(1)).isFalse();
        w.add(3);
        w.add(5);
        assertThat(w.add(7)).isTrue();
        assertThat(w.window()).containsExactly(2.0, 6.0);
        w.add(9);
        assertThat(w.window()).containsExactly(4.0, 8.0);
    }

    @Test
    @DisplayName("an invalid configuration is refused")
    void invalidConfigFailsFast() {
        assertThatThrownBy(() -> new ShapeConfig(1, 8, 1, 4, 2, 3.5, 64, 0.1, 0.999, 0.01, 0.01, 4000, 150, 0.5, 0.5,
                200, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShapeConfig(150, 8, 1, 4, 2, 3.5, 64, 1.5, 0.999, 0.01, 0.01, 4000, 150, 0.5,
                0.5, 200, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}

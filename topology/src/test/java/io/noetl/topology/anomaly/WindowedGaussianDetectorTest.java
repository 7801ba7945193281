package io.noetl.topology.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WindowedGaussianDetectorTest {

    @Test
    void firstPointScoresZeroAndLaterOnesFollowTheTwoSidedTail() {
        WindowedGaussianDetector d = new WindowedGaussianDetector(10, 2);
        assertThat(d.score(0, 1.0)).isZero();
        d.score(1, 3.0);
        // window {1, 3}: mean 2, std 1; a value 2 std away on either side scores 1 - Q(2) ~ 0.977
        assertThat(d.score(2, 4.0)).isCloseTo(0.977, within(0.002));
    }

    @Test
    void valueAtTheMeanScoresOneHalf() {
        WindowedGaussianDetector d = new WindowedGaussianDetector(4, 1);
        d.score(0, 1.0);
        d.score(1, 3.0);
        assertThat(d.score(2, 2.0)).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void erfcMatchesKnownValues() {
        assertThat(Gaussian.erfc(0)).isCloseTo(1.0, within(1e-7));
        assertThat(Gaussian.erfc(1)).isCloseTo(0.157299207, within(1e-7));
        assertThat(Gaussian.erfc(-1)).isCloseTo(1.842700793, within(1e-7));
    }
}

package io.noetl.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScoresTest {

    @Test
    @DisplayName("normal tail and binomial tail match known values, far into the tail")
    void tails() {
        assertThat(Scores.normalUpperTail(0)).isCloseTo(0.5, within(1e-7));
        assertThat(Scores.normalUpperTail(1.959964)).isCloseTo(0.025, within(1e-7));
        assertThat(Scores.normalUpperTail(6) / 9.865876e-10).isCloseTo(1.0, within(1e-4));
        assertThat(Scores.binomialUpperTail(0, 10, 0.3)).isEqualTo(1.0);
        // P(X >= 3), X ~ Bin(5, 0.5) = 16/32
        assertThat(Scores.binomialUpperTail(3, 5, 0.5)).isCloseTo(0.5, within(1e-12));
        // P(X >= 7), X ~ Bin(50, 0.01)
        assertThat(Scores.binomialUpperTail(7, 50, 0.01) / 6.852838e-7).isCloseTo(1.0, within(1e-6));
    }

    @Test
    @DisplayName("a score is the chance of no such excursion within the horizon: 0.99 needs p <= 1e-5 at 1000 looks")
    void scoreScale() {
        assertThat(Scores.fromTail(1e-5, 1000)).isCloseTo(0.99, within(1e-4));
        assertThat(Scores.fromTail(0.5, 1000)).isLessThan(1e-100);
        assertThat(Scores.fromTail(0, 1000)).isEqualTo(1.0);
        assertThat(Scores.fromTail(Double.NaN, 1000)).isZero();
    }
}

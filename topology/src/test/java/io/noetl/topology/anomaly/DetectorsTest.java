package io.noetl.topology.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DetectorsTest {

    static Iterable<String> names() {
        return Detectors.names();
    }

    @Test
    void defaultIsRegisteredAndListedFirst() {
        assertThat(Detectors.names()).first().isEqualTo(Detectors.DEFAULT);
        assertThat(Detectors.names()).contains(WindowedGaussianDetector.NAME, NoveltyDetector.NAME);
        assertThat(Detectors.create(Detectors.DEFAULT).name()).isEqualTo(Detectors.DEFAULT);
    }

    @Test
    void unknownNameIsRejectedWithTheKnownNames() {
        assertThatThrownBy(() -> Detectors.create("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope").hasMessageContaining(Detectors.DEFAULT);
    }

    @Test
    void createReturnsAFreshInstanceEachTime() {
        assertThat(Detectors.create(Detectors.DEFAULT)).isNotSameAs(Detectors.create(Detectors.DEFAULT));
    }

    @ParameterizedTest
    @MethodSource("names")
    void scoresStayWithinZeroAndOneOnWildInput(String name) {
        AnomalyDetector d = Detectors.create(name);
        Random rnd = new Random(7);
        for (int i = 0; i < 3000; i++) {
            double v = switch (i % 500) {
                case 400 -> 1e12;
                case 401 -> -1e12;
                case 402 -> Double.NaN;
                default -> rnd.nextGaussian() * (i > 2000 ? 100 : 1);
            };
            assertThat(d.score(i * 60_000L, v)).isBetween(0.0, 1.0);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void spikeScoresClearlyHigherThanTypicalFlatPoints(String name) {
        double[] series = Series.noisy(2000, 11);
        series[1500] += 25;
        double[] scores = Series.run(Detectors.create(name), series);
        double flatMean = Arrays.stream(scores, 600, 1490).average().orElseThrow();
        assertThat(Series.max(scores, 1500, 1505)).isGreaterThan(flatMean + 0.2).isGreaterThan(0.5);
    }

    @ParameterizedTest
    @MethodSource("names")
    void scoreAtTimeTDoesNotDependOnLaterValues(String name) {
        double[] a = Series.noisy(1500, 3);
        double[] b = a.clone();
        for (int i = 1000; i < b.length; i++) {
            b[i] = b[i] * 5 + 40;
        }
        double[] sa = Series.run(Detectors.create(name), a);
        double[] sb = Series.run(Detectors.create(name), b);
        for (int i = 0; i < 1000; i++) {
            assertThat(sb[i]).as("score at %d", i).isEqualTo(sa[i]);
        }
    }
}

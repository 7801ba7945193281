package io.noetl.topology.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RollingMeanTest {

    @Test
    void isUndefinedUntilFullThenTracksTheLastValues() {
        RollingMean mean = new RollingMean(3);
        assertThat(mean.add(1)).isNaN();
        assertThat(mean.add(2)).isNaN();
        assertThat(mean.add(3)).isCloseTo(2.0, within(1e-12));
        assertThat(mean.add(10)).isCloseTo(5.0, within(1e-12));
    }
}

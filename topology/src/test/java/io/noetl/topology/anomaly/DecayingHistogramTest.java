package io.noetl.topology.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DecayingHistogramTest {

    @Test
    void oldCountsDecayAndRareKeysArePruned() {
        DecayingHistogram h = new DecayingHistogram(0.99);
        h.add(1);
        for (int i = 0; i < 5000; i++) {
            h.add(2);
        }
        assertThat(h.count(1)).isLessThan(1e-3);
        assertThat(h.count(2)).isCloseTo(100, within(1.0));
        assertThat(h.total()).isCloseTo(100, within(1.0));
        assertThat(h.size()).isEqualTo(1);
    }
}

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

    @Test
    void keepsAtMostItsCapacityAndDropsTheWeakestKeys() {
        DecayingHistogram h = new DecayingHistogram(0.9999, 16);
        for (int i = 0; i < 200; i++) {
            h.add(7);
        }
        for (long k = 1000; k < 1100; k++) {
            h.add(k);
            assertThat(h.size()).isLessThanOrEqualTo(16);
        }
        assertThat(h.count(7)).as("a heavy key survives eviction").isGreaterThan(150);
        assertThat(h.count(1099)).as("the newest key is present").isGreaterThan(0.9);
        assertThat(h.total()).as("dropped keys still count in the total").isGreaterThan(295);
    }

    @Test
    void extremeKeysAreStoredLikeAnyOther() {
        DecayingHistogram h = new DecayingHistogram(1.0, 8);
        h.add(Long.MIN_VALUE + 5);
        h.add(Long.MAX_VALUE);
        h.add(-1);
        assertThat(h.count(Long.MIN_VALUE + 5)).isEqualTo(1.0);
        assertThat(h.count(Long.MAX_VALUE)).isEqualTo(1.0);
        assertThat(h.count(-1)).isEqualTo(1.0);
        assertThat(h.count(0)).isZero();
    }
}

package io.noetl.topology.anomaly;

import java.util.HashMap;
import java.util.Map;

/**
 * Sparse histogram over {@code long} keys whose counts decay geometrically with every addition, so memory of old
 * behaviour fades and rarely visited keys are pruned (bounded memory). Counts are kept in a growing unit to make
 * decay O(1) per addition.
 */
final class DecayingHistogram implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private static final double RESCALE_AT = 1e12;
    private static final double PRUNE_BELOW = 1e-3;
    private static final int PRUNE_EVERY = 2048;

    private final double growth;
    private final Map<Long, Double> counts = new HashMap<>();
    private double unit = 1.0;
    private double total;
    private int sincePrune;

    /** @param decay multiplier applied to all counts on each addition, in (0, 1] */
    DecayingHistogram(double decay) {
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1]: " + decay);
        }
        this.growth = 1.0 / decay;
    }

    void add(long key) {
        unit *= growth;
        counts.merge(key, unit, Double::sum);
        total += unit;
        if (unit > RESCALE_AT || ++sincePrune >= PRUNE_EVERY) {
            rescale();
        }
    }

    /** Decayed count of a key, in units of one fresh addition. */
    double count(long key) {
        Double c = counts.get(key);
        return c == null ? 0.0 : c / unit;
    }

    /** Decayed total of all additions. */
    double total() {
        return total / unit;
    }

    int size() {
        return counts.size();
    }

    private void rescale() {
        double u = unit;
        counts.replaceAll((k, c) -> c / u);
        counts.values().removeIf(c -> c < PRUNE_BELOW);
        total /= u;
        unit = 1.0;
        sincePrune = 0;
    }
}

package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;
import java.util.Arrays;

/**
 * Sparse histogram over {@code long} keys whose counts decay geometrically with every addition, so memory of old
 * behaviour fades. Memory is bounded: at most {@code capacity} keys are kept in a fixed open-addressing table, and
 * when it fills up the keys with the smallest decayed counts are dropped. Counts are kept in a growing unit to make
 * decay O(1) per addition.
 */
final class DecayingHistogram {

    private static final double RESCALE_AT = 1e12;
    private static final double PRUNE_BELOW = 1e-3;
    private static final int PRUNE_EVERY = 2048;
    private static final long EMPTY = Long.MIN_VALUE;
    /** Keys kept by default: enough for the bins a series visits within its memory. */
    static final int DEFAULT_CAPACITY = 128;

    private final double growth;
    private final int capacity;
    private final long[] keys;
    private final double[] counts;
    private int size;
    private double unit = 1.0;
    private double total;
    private int sincePrune;

    /** @param decay multiplier applied to all counts on each addition, in (0, 1]; at most {@value #DEFAULT_CAPACITY} keys */
    DecayingHistogram(double decay) {
        this(decay, DEFAULT_CAPACITY);
    }

    /**
     * @param decay multiplier applied to all counts on each addition, in (0, 1]
     * @param capacity most keys kept (at least 4)
     */
    DecayingHistogram(double decay, int capacity) {
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1]: " + decay);
        }
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be at least 4: " + capacity);
        }
        this.growth = 1.0 / decay;
        this.capacity = capacity;
        this.keys = new long[Integer.highestOneBit(capacity * 2 - 1) * 2];
        this.counts = new double[keys.length];
        Arrays.fill(keys, EMPTY);
    }

    void add(long key) {
        if (key == EMPTY) {
            key++;
        }
        unit *= growth;
        int slot = slot(key);
        if (keys[slot] != key) {
            if (size >= capacity) {
                evict();
                slot = slot(key);
            }
            keys[slot] = key;
            counts[slot] = 0;
            size++;
        }
        counts[slot] += unit;
        total += unit;
        if (unit > RESCALE_AT || ++sincePrune >= PRUNE_EVERY) {
            rescale(PRUNE_BELOW);
        }
    }

    /** Decayed count of a key, in units of one fresh addition. */
    double count(long key) {
        if (key == EMPTY) {
            key++;
        }
        int slot = slot(key);
        return keys[slot] == key ? counts[slot] / unit : 0.0;
    }

    /** Decayed total of all additions. */
    double total() {
        return total / unit;
    }

    int size() {
        return size;
    }

    /** Writes the live keys in slot order, each with its slot (as the gap from the previous one) and count. */
    void writeTo(Wire.Out out) {
        out.varLong(size).f64(unit).f64(total).varLong(sincePrune);
        int last = -1;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                out.varLong(i - last - 1L).zigZag(keys[i]).f64(counts[i]);
                last = i;
            }
        }
    }

    /** Reads what {@link #writeTo} wrote into this empty histogram of the same capacity; keys keep their slots. */
    void readFrom(Wire.In in) {
        int n = in.varInt();
        if (n > capacity) {
            throw new IllegalArgumentException("histogram of " + n + " keys, more than its capacity " + capacity);
        }
        unit = in.f64();
        total = in.f64();
        sincePrune = in.varInt();
        int slot = -1;
        for (int j = 0; j < n; j++) {
            slot += in.varInt() + 1;
            long key = in.zigZag();
            if (slot >= keys.length || key == EMPTY) {
                throw new IllegalArgumentException("histogram key " + key + " at slot " + slot);
            }
            keys[slot] = key;
            counts[slot] = in.f64();
        }
        size = n;
    }

    /** The key's slot, or the empty slot where it would go (linear probing; the table is never full). */
    private int slot(long key) {
        int mask = keys.length - 1;
        int i = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Drops the weaker half of the keys (at least those below the pruning level). */
    private void evict() {
        double[] live = new double[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                live[n++] = counts[i];
            }
        }
        Arrays.sort(live, 0, n);
        rescale(Math.max(PRUNE_BELOW, live[n / 2] / unit));
    }

    /** Brings counts back to unit 1 and rebuilds the table without keys whose count is below {@code floor}. */
    private void rescale(double floor) {
        long[] oldKeys = keys.clone();
        double[] oldCounts = counts.clone();
        Arrays.fill(keys, EMPTY);
        Arrays.fill(counts, 0.0);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            double c = oldCounts[i] / unit;
            if (oldKeys[i] != EMPTY && c >= floor) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                counts[s] = c;
                size++;
            }
        }
        // the total keeps the mass of dropped keys: it still counts as "seen something else"
        total /= unit;
        unit = 1.0;
        sincePrune = 0;
    }
}

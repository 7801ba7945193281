package io.noetl.topology.metrics;

import com.datadoghq.sketch.ddsketch.store.DenseStore;
import com.datadoghq.sketch.ddsketch.store.Store;
import io.noetl.topology.codec.Wire;

/**
 * The compact form of a sketch's buckets: their number, the zig-zag index of the lowest, and one varint count per
 * bucket up to the highest (empty ones in between included, a byte each).
 */
final class SketchBins {

    private SketchBins() {
    }

    static void write(DenseStore bins, Wire.Out out) {
        if (bins.isEmpty()) {
            out.varLong(0);
            return;
        }
        int lo = bins.getMinIndex();
        out.varLong(bins.getMaxIndex() - lo + 1L).zigZag(lo);
        int[] next = {lo};
        // a dense store visits its non-empty bins from the lowest index up (and allocates nothing doing so)
        bins.forEach((index, count) -> {
            for (; next[0] < index; next[0]++) {
                out.varLong(0);
            }
            out.varLong((long) count);
            next[0]++;
        });
    }

    /**
     * Adds the buckets {@link #write} wrote to an empty store.
     *
     * @throws IllegalArgumentException when there are more than {@code maxBuckets}
     */
    static void read(Wire.In in, Store bins, int maxBuckets) {
        int n = in.varInt();
        if (n > maxBuckets) {
            throw new IllegalArgumentException("sketch holds " + n + " buckets, more than its bound " + maxBuckets);
        }
        if (n == 0) {
            return;
        }
        int lo = (int) in.zigZag();
        long[] counts = new long[n];
        for (int j = 0; j < n; j++) {
            counts[j] = in.varLong();
        }
        // both ends first, so the store sizes its array once
        bins.add(lo + n - 1, counts[n - 1]);
        bins.add(lo, counts[0]);
        for (int j = 1; j < n - 1; j++) {
            bins.add(lo + j, counts[j]);
        }
    }
}

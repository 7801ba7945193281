package io.noetl.topology.metrics;

import io.noetl.topology.codec.Wire;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The previous release's own quantile sketch, kept unchanged (but for its name) only to compare its quantiles and
 * bytes with {@link QuantileSketch}'s.
 *
 * <p>A mergeable quantile sketch in the manner of DDSketch: non-negative values fall into logarithmic buckets
 * {@code (γ^(i-1), γ^i]} with {@code γ = (1 + α) / (1 - α)}, so any quantile is answered within relative error
 * {@code α} of the exact value at that rank. Values below {@link #MIN_INDEXABLE} count in a zero bucket. The number of
 * buckets is bounded: when the range needs more, the lowest buckets collapse into one (low quantiles lose accuracy
 * first; high quantiles, the interesting ones for latency, keep it). Count, min, max and sum are exact.
 *
 * <p>Not thread-safe. Two sketches merge only when their accuracy is equal.
 */
final class PreviousQuantileSketch {

    /** Default relative accuracy (1 %). */
    public static final double DEFAULT_ACCURACY = 0.01;
    /** Default bucket bound: at 1 % this covers 1 ms to ~8 years in ms without collapsing. */
    public static final int DEFAULT_MAX_BUCKETS = 2048;
    /** Smallest value that gets its own bucket; smaller ones count as zero. */
    public static final double MIN_INDEXABLE = 1e-9;

    private static final int VERSION = 1;
    private static final int NONE = Integer.MIN_VALUE;

    private final double accuracy;
    private final double gamma;
    private final double logGamma;
    private final int maxBuckets;
    private long[] counts = new long[0];
    private int offset; // bucket index of counts[0]
    private int lo = NONE; // lowest and highest bucket index in use (NONE when no bucket is)
    private int hi = NONE;
    private long zeroCount;
    private long count;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private double sum;

    /** A sketch with {@link #DEFAULT_ACCURACY} and {@link #DEFAULT_MAX_BUCKETS}. */
    public PreviousQuantileSketch() {
        this(DEFAULT_ACCURACY, DEFAULT_MAX_BUCKETS);
    }

    /**
     * @param accuracy   relative accuracy α, in (0, 0.5)
     * @param maxBuckets bucket bound, at least 16
     */
    public PreviousQuantileSketch(double accuracy, int maxBuckets) {
        if (!(accuracy > 0 && accuracy < 0.5) || maxBuckets < 16) {
            throw new IllegalArgumentException("need accuracy in (0, 0.5) and max buckets >= 16, got " + accuracy
                    + " and " + maxBuckets);
        }
        this.accuracy = accuracy;
        this.gamma = (1 + accuracy) / (1 - accuracy);
        this.logGamma = Math.log(gamma);
        this.maxBuckets = maxBuckets;
    }

    /**
     * Adds one value.
     *
     * @throws IllegalArgumentException for a negative, NaN or infinite value
     */
    public void add(double value) {
        add(value, 1);
    }

    private void add(double value, long n) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("sketch values must be finite and >= 0, got " + value);
        }
        if (value < MIN_INDEXABLE) {
            zeroCount += n;
        } else {
            addToBucket((int) Math.ceil(Math.log(value) / logGamma), n);
        }
        count += n;
        sum += value * n;
        min = count == n ? value : Math.min(min, value);
        max = count == n ? value : Math.max(max, value);
    }

    private void addToBucket(int index, long n) {
        if (hi == NONE) {
            if (counts.length == 0) {
                counts = new long[16];
            }
            offset = index - counts.length / 2;
            lo = index;
            hi = index;
            counts[index - offset] += n;
            return;
        }
        int floor = Math.max(hi, index) - maxBuckets + 1;
        if (index < floor) {
            index = floor; // collapse into the lowest kept bucket
        }
        if (lo < floor) {
            collapseBelow(floor);
        }
        if (index < offset || index >= offset + counts.length) {
            grow(index);
        }
        counts[index - offset] += n;
        lo = Math.min(lo, index);
        hi = Math.max(hi, index);
    }

    /** Moves every count below {@code floor} into bucket {@code floor}. */
    private void collapseBelow(int floor) {
        long carried = 0;
        for (int i = lo; i <= Math.min(hi, floor - 1); i++) {
            carried += counts[i - offset];
            counts[i - offset] = 0;
        }
        lo = floor;
        hi = Math.max(hi, floor);
        if (floor < offset || floor >= offset + counts.length) {
            grow(floor);
        }
        counts[floor - offset] += carried;
    }

    /** Re-allocates the storage to cover the used range and {@code index}, with slack on the side it grows to. */
    private void grow(int index) {
        int needLo = Math.min(lo, index);
        int needHi = Math.max(hi, index);
        int span = needHi - needLo + 1;
        int cap = Math.max(Math.min(Math.max(span + span / 2, 16), maxBuckets), span);
        int newOffset = index < offset ? needHi - cap + 1 : needLo;
        long[] next = new long[cap];
        int from = Math.max(offset, newOffset);
        int to = Math.min(offset + counts.length, newOffset + cap);
        if (to > from) {
            System.arraycopy(counts, from - offset, next, from - newOffset, to - from);
        }
        counts = next;
        offset = newOffset;
    }

    /**
     * The value at rank {@code floor(q * (count - 1))} of the sorted values, within the relative accuracy (clamped to
     * the exact min and max; q 0 and 1 are the exact min and max).
     *
     * @param q quantile in [0, 1]
     * @return the estimate, or NaN when the sketch is empty
     */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
        }
        if (count == 0) {
            return Double.NaN;
        }
        if (q == 0) {
            return min;
        }
        if (q == 1) {
            return max;
        }
        double rank = q * (count - 1);
        long seen = zeroCount;
        if (seen > rank) {
            return min;
        }
        for (int j = 0; j < counts.length; j++) {
            seen += counts[j];
            if (seen > rank) {
                double estimate = 2 * Math.pow(gamma, offset + j) / (gamma + 1);
                return Math.max(min, Math.min(max, estimate));
            }
        }
        return max;
    }

    /**
     * Adds every value of another sketch to this one.
     *
     * @throws IllegalArgumentException when the accuracies differ
     */
    public PreviousQuantileSketch merge(PreviousQuantileSketch other) {
        if (other.accuracy != accuracy) {
            throw new IllegalArgumentException("cannot merge sketches of accuracy " + accuracy + " and " + other.accuracy);
        }
        if (other.count == 0) {
            return this;
        }
        // highest buckets first, so collapsing (which keeps the top) sees the final top early
        for (int j = other.counts.length - 1; j >= 0; j--) {
            if (other.counts[j] != 0) {
                addToBucket(other.offset + j, other.counts[j]);
            }
        }
        zeroCount += other.zeroCount;
        min = count == 0 ? other.min : Math.min(min, other.min);
        max = count == 0 ? other.max : Math.max(max, other.max);
        count += other.count;
        sum += other.sum;
        return this;
    }

    public long count() {
        return count;
    }

    /** Exact minimum, NaN when empty. */
    public double min() {
        return min;
    }

    /** Exact maximum, NaN when empty. */
    public double max() {
        return max;
    }

    public double sum() {
        return sum;
    }

    public double accuracy() {
        return accuracy;
    }

    /** Number of buckets between the lowest and the highest non-empty one (bounded by the max buckets). */
    public int bucketSpan() {
        return hi == NONE ? 0 : hi - lo + 1;
    }

    /** Writes the sketch: a few header fields plus one varint per bucket between the lowest and highest used. */
    public void writeTo(Wire.Out out) {
        out.u8(VERSION).f64(accuracy).varLong(maxBuckets).varLong(count).varLong(zeroCount);
        if (count == 0) {
            return;
        }
        out.f64(min).f64(max).f64(sum);
        if (hi == NONE) {
            out.varLong(0);
            return;
        }
        out.varLong(hi - lo + 1L).zigZag(lo);
        for (int i = lo; i <= hi; i++) {
            out.varLong(counts[i - offset]);
        }
    }

    /** Reads a sketch written by {@link #writeTo}. */
    public static PreviousQuantileSketch readFrom(Wire.In in) {
        int version = in.u8();
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown quantile sketch version " + version);
        }
        PreviousQuantileSketch s = new PreviousQuantileSketch(in.f64(), in.varInt());
        s.count = in.varLong();
        s.zeroCount = in.varLong();
        if (s.count == 0) {
            return s;
        }
        s.min = in.f64();
        s.max = in.f64();
        s.sum = in.f64();
        int n = in.varInt();
        if (n > s.maxBuckets) {
            throw new IllegalArgumentException("sketch holds " + n + " buckets, more than its bound " + s.maxBuckets);
        }
        if (n > 0) {
            s.offset = (int) in.zigZag();
            s.lo = s.offset;
            s.hi = s.offset + n - 1;
            s.counts = new long[Math.max(n, 16)];
            for (int j = 0; j < n; j++) {
                s.counts[j] = in.varLong();
            }
        }
        return s;
    }

    public byte[] toBytes() {
        Wire.Out out = new Wire.Out(64 + 2 * bucketSpan());
        writeTo(out);
        return out.toBytes();
    }

    public static PreviousQuantileSketch fromBytes(byte[] bytes) {
        return readFrom(new Wire.In(bytes));
    }

    /** A Kafka serde over {@link #toBytes()}. */
    public static Serde<PreviousQuantileSketch> serde() {
        return Serdes.serdeFrom((topic, s) -> s == null ? null : s.toBytes(),
                (topic, b) -> b == null ? null : fromBytes(b));
    }

    @Override
    public String toString() {
        return "PreviousQuantileSketch[count=" + count + ", min=" + min + ", max=" + max + ", buckets=" + bucketSpan() + "]";
    }

    /** Bucket counts from the lowest to the highest non-empty bucket, for tests of equality. */
    long[] bucketCounts() {
        if (hi == NONE) {
            return new long[0];
        }
        int a = lo;
        int b = hi;
        while (counts[a - offset] == 0 && a < b) {
            a++;
        }
        while (counts[b - offset] == 0 && b > a) {
            b--;
        }
        return Arrays.copyOfRange(counts, a - offset, b - offset + 1);
    }
}

package io.noetl.topology.metrics;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.store.Bin;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import io.noetl.topology.codec.Wire;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A mergeable quantile sketch: a DDSketch (sketches-java) whose non-negative values fall into logarithmic buckets
 * {@code (γ^(i-1), γ^i]} with {@code γ = (1 + α) / (1 - α)} ({@link PaperIndexMapping}), so any quantile is answered
 * within relative error {@code α} of the exact value at that rank. Values below {@link #MIN_INDEXABLE} count as zero.
 * The number of buckets is bounded: when the range needs more, the lowest buckets collapse into one (low quantiles
 * lose accuracy first; high quantiles, the interesting ones for latency, keep it). Count, min, max and sum are exact.
 *
 * <p>Stored compactly on {@link Wire} (the sketch lives in every step window): a few header fields and one varint
 * count per bucket between the lowest and the highest non-empty one.
 *
 * <p>Not thread-safe. Two sketches merge only when their accuracy is equal.
 */
public final class QuantileSketch {

    /** Default relative accuracy (1 %). */
    public static final double DEFAULT_ACCURACY = 0.01;
    /** Default bucket bound: at 1 % this covers 1 ms to ~8 years in ms without collapsing. */
    public static final int DEFAULT_MAX_BUCKETS = 2048;
    /** Smallest value that gets its own bucket; smaller ones count as zero. */
    public static final double MIN_INDEXABLE = 1e-9;

    private static final int VERSION = 1;

    private final double accuracy;
    private final int maxBuckets;
    private final CollapsingLowestDenseStore bins;
    private final DDSketch sketch;
    private long count;
    private long zeros;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private double sum;

    /** A sketch with {@link #DEFAULT_ACCURACY} and {@link #DEFAULT_MAX_BUCKETS}. */
    public QuantileSketch() {
        this(DEFAULT_ACCURACY, DEFAULT_MAX_BUCKETS);
    }

    /**
     * @param accuracy   relative accuracy α, in (0, 0.5)
     * @param maxBuckets bucket bound, at least 16
     */
    public QuantileSketch(double accuracy, int maxBuckets) {
        if (!(accuracy > 0 && accuracy < 0.5) || maxBuckets < 16) {
            throw new IllegalArgumentException("need accuracy in (0, 0.5) and max buckets >= 16, got " + accuracy
                    + " and " + maxBuckets);
        }
        this.accuracy = accuracy;
        this.maxBuckets = maxBuckets;
        this.bins = new CollapsingLowestDenseStore(maxBuckets);
        // values strictly above the bound are indexed: nextDown makes MIN_INDEXABLE itself the first indexed value
        this.sketch = new DDSketch(PaperIndexMapping.of(accuracy), () -> new CollapsingLowestDenseStore(maxBuckets),
                () -> bins, Math.nextDown(MIN_INDEXABLE));
    }

    /**
     * Adds one value.
     *
     * @throws IllegalArgumentException for a negative, NaN or infinite value
     */
    public void add(double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("sketch values must be finite and >= 0, got " + value);
        }
        sketch.accept(value);
        if (value < MIN_INDEXABLE) {
            zeros++;
        }
        count++;
        sum += value;
        min = count == 1 ? value : Math.min(min, value);
        max = count == 1 ? value : Math.max(max, value);
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
        return Math.max(min, Math.min(max, sketch.getValueAtQuantile(q)));
    }

    /**
     * Adds every value of another sketch to this one.
     *
     * @throws IllegalArgumentException when the accuracies differ
     */
    public QuantileSketch merge(QuantileSketch other) {
        if (other.accuracy != accuracy) {
            throw new IllegalArgumentException("cannot merge sketches of accuracy " + accuracy + " and " + other.accuracy);
        }
        if (other.count == 0) {
            return this;
        }
        sketch.mergeWith(other.sketch);
        zeros += other.zeros;
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
        return bins.isEmpty() ? 0 : bins.getMaxIndex() - bins.getMinIndex() + 1;
    }

    /** Writes the sketch: a few header fields plus the {@link SketchBins} (one varint per bucket in use). */
    public void writeTo(Wire.Out out) {
        out.u8(VERSION).f64(accuracy).varLong(maxBuckets).varLong(count).varLong(zeros);
        if (count == 0) {
            return;
        }
        out.f64(min).f64(max).f64(sum);
        SketchBins.write(bins, out);
    }

    /** Reads a sketch written by {@link #writeTo}. */
    public static QuantileSketch readFrom(Wire.In in) {
        int version = in.u8();
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown quantile sketch version " + version);
        }
        QuantileSketch s = new QuantileSketch(in.f64(), in.varInt());
        s.count = in.varLong();
        s.zeros = in.varLong();
        if (s.count == 0) {
            return s;
        }
        s.min = in.f64();
        s.max = in.f64();
        s.sum = in.f64();
        if (s.zeros > 0) {
            s.sketch.accept(0, s.zeros);
        }
        SketchBins.read(in, s.bins, s.maxBuckets);
        return s;
    }

    public byte[] toBytes() {
        Wire.Out out = new Wire.Out(64 + 2 * bucketSpan());
        writeTo(out);
        return out.toBytes();
    }

    public static QuantileSketch fromBytes(byte[] bytes) {
        return readFrom(new Wire.In(bytes));
    }

    /** A Kafka serde over {@link #toBytes()}. */
    public static Serde<QuantileSketch> serde() {
        return Serdes.serdeFrom((topic, s) -> s == null ? null : s.toBytes(),
                (topic, b) -> b == null ? null : fromBytes(b));
    }

    @Override
    public String toString() {
        return "QuantileSketch[count=" + count + ", min=" + min + ", max=" + max + ", buckets=" + bucketSpan() + "]";
    }

    /** Bucket counts from the lowest to the highest non-empty bucket, for tests of equality. */
    long[] bucketCounts() {
        List<Bin> used = bins.getAscendingStream().filter(b -> b.getCount() > 0).toList();
        if (used.isEmpty()) {
            return new long[0];
        }
        int lo = used.getFirst().getIndex();
        long[] counts = new long[used.getLast().getIndex() - lo + 1];
        used.forEach(b -> counts[b.getIndex() - lo] = (long) b.getCount());
        return counts;
    }
}

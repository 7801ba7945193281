package io.noetl.topology.metrics;

import io.noetl.schemas.stream.StepMetrics;
import io.noetl.topology.codec.Wire;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The running aggregate of one step in one window: attempts, failures, retries and a sketch of attempt durations
 * (successful and failed attempts alike). Mutable; lives in the window store in its compact binary form.
 */
public final class StepWindow {

    private static final int VERSION = 1;

    private long count;
    private long failures;
    private long retries;
    private final QuantileSketch durations;

    public StepWindow() {
        this(0, 0, 0, new QuantileSketch());
    }

    private StepWindow(long count, long failures, long retries, QuantileSketch durations) {
        this.count = count;
        this.failures = failures;
        this.retries = retries;
        this.durations = durations;
    }

    /** Counts one event into the window; returns this. */
    public StepWindow add(StepEvent e) {
        if (e.kind() == StepEvent.RETRY) {
            retries++;
            return this;
        }
        count++;
        if (e.failed()) {
            failures++;
        }
        if (e.durationMs() >= 0) {
            durations.add(e.durationMs());
        }
        return this;
    }

    public long count() {
        return count;
    }

    public long failures() {
        return failures;
    }

    public long retries() {
        return retries;
    }

    public QuantileSketch durations() {
        return durations;
    }

    /** The published record for this aggregate. */
    public StepMetrics toMetrics(String stepKey, Instant windowStart, Instant windowEnd) {
        StepKey key = StepKey.parse(stepKey);
        boolean timed = durations.count() > 0;
        return new StepMetrics(key.playbookPath(), key.step(), windowStart, windowEnd, count, failures, retries,
                count == 0 ? 0.0 : (double) failures / count,
                timed ? durations.quantile(0.5) : null,
                timed ? durations.quantile(0.95) : null,
                timed ? durations.quantile(0.99) : null,
                timed ? durations.max() : null);
    }

    public byte[] toBytes() {
        Wire.Out out = new Wire.Out(48 + 2 * durations.bucketSpan());
        out.u8(VERSION).varLong(count).varLong(failures).varLong(retries);
        durations.writeTo(out);
        return out.toBytes();
    }

    public static StepWindow fromBytes(byte[] bytes) {
        Wire.In in = new Wire.In(bytes);
        int version = in.u8();
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown step window version " + version);
        }
        return new StepWindow(in.varLong(), in.varLong(), in.varLong(), QuantileSketch.readFrom(in));
    }

    /** A Kafka serde over {@link #toBytes()}. */
    public static Serde<StepWindow> serde() {
        return Serdes.serdeFrom((topic, w) -> w == null ? null : w.toBytes(),
                (topic, b) -> b == null ? null : fromBytes(b));
    }
}

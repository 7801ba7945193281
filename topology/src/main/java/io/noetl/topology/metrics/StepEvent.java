package io.noetl.topology.metrics;

import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.topology.codec.Wire;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The part of a counted normalized event that step metrics and anomaly detection need, keyed by its
 * {@link StepKey}. It travels on the one internal repartition topic shared by both stages in a compact binary form
 * (tens of bytes instead of the event's JSON).
 *
 * @param kind        {@link #TASK_END}, {@link #ERROR} or {@link #RETRY}
 * @param timestampMs event time, epoch milliseconds
 * @param durationMs  duration of the attempt, or -1 when unknown (always -1 for retries)
 * @param executionId the execution (evidence in alerts); may be null
 * @param templateId  the error template id for errors; may be null
 */
public record StepEvent(byte kind, long timestampMs, long durationMs, String executionId, String templateId) {

    /** A successful attempt ({@code task_end}). */
    public static final byte TASK_END = 0;
    /** A failed attempt ({@code error}). */
    public static final byte ERROR = 1;
    /** A retry scheduled ({@code retry}). */
    public static final byte RETRY = 2;

    private static final int VERSION = 1;

    public StepEvent {
        if (kind < TASK_END || kind > RETRY) {
            throw new IllegalArgumentException("unknown step event kind " + kind);
        }
    }

    /** The code of a counted kind, or -1 for kinds that step metrics do not count. */
    public static byte kindOf(String kind) {
        if (Kinds.TASK_END.equals(kind)) {
            return TASK_END;
        }
        if (Kinds.ERROR.equals(kind)) {
            return ERROR;
        }
        if (Kinds.RETRY.equals(kind)) {
            return RETRY;
        }
        return -1;
    }

    /**
     * The step event of a normalized event.
     *
     * @param fallbackTimestampMs used when the event carries no timestamp
     * @return the step event, or null when the event is not of a counted kind
     */
    public static StepEvent of(NormalizedEvent e, long fallbackTimestampMs) {
        byte k = kindOf(e.kind());
        if (k < 0) {
            return null;
        }
        long ts = e.timestamp() == null ? fallbackTimestampMs : e.timestamp().toEpochMilli();
        long duration = k == RETRY || e.durationMs() == null || e.durationMs() < 0 ? -1 : e.durationMs();
        return new StepEvent(k, ts, duration, e.executionId(), k == ERROR ? e.templateId() : null);
    }

    /** True for an attempt that ended ({@code task_end} or {@code error}). */
    public boolean ended() {
        return kind != RETRY;
    }

    public boolean failed() {
        return kind == ERROR;
    }

    public byte[] toBytes() {
        return new Wire.Out(48).u8(VERSION).u8(kind).varLong(timestampMs).zigZag(durationMs)
                .string(executionId).string(templateId).toBytes();
    }

    public static StepEvent fromBytes(byte[] bytes) {
        Wire.In in = new Wire.In(bytes);
        int version = in.u8();
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown step event version " + version);
        }
        return new StepEvent((byte) in.u8(), in.varLong(), in.zigZag(), in.string(), in.string());
    }

    /** A Kafka serde over {@link #toBytes()}. */
    public static Serde<StepEvent> serde() {
        return Serdes.serdeFrom((topic, e) -> e == null ? null : e.toBytes(),
                (topic, b) -> b == null ? null : fromBytes(b));
    }
}

package io.noetl.topology.alert;

import io.noetl.schemas.stream.Alert;
import io.noetl.topology.anomaly.AnomalyDetector;
import io.noetl.topology.codec.Wire;
import io.noetl.topology.metrics.StepEvent;
import io.noetl.topology.metrics.StepKey;

/**
 * Everything the anomaly stage knows about one step: its four watches and one {@link Hysteresis} per alert type.
 * Plain state, no Kafka: the processor feeds it events and interval ticks and forwards what it emits. The latency
 * detector is held here but stored separately (its snapshot is large and written only at checkpoints).
 */
final class StepWatch {

    /** Receives alerts. */
    interface Sink {
        void emit(Alert alert, long timestampMs);
    }

    private static final int VERSION = 1;

    final String key;
    final StepKey parts;
    final LatencyWatch latency;
    final ErrorRateWatch errorRate;
    final ThroughputWatch throughput;
    final TemplateWatch templates;
    final Evidence recent;
    private final Hysteresis latencyIncident;
    private final Hysteresis errorIncident;
    private final Hysteresis throughputIncident;

    /** The step's detector while in memory (null until first needed, or after being dropped from memory). */
    AnomalyDetector detector;
    /** The detector learned since its last checkpoint. */
    boolean detectorDirty;
    /** Wall-clock time of the detector's last snapshot (never: {@link Long#MIN_VALUE}). */
    long detectorSavedAt = Long.MIN_VALUE;
    /** This state changed since its last checkpoint. */
    boolean dirty;
    /** Recency of use, for dropping detectors from memory. */
    long lastUsed;

    StepWatch(String key, AnomalySettings s) {
        this.key = key;
        this.parts = StepKey.parse(key);
        this.latency = new LatencyWatch(s.latency(), s.evidenceSize());
        this.errorRate = new ErrorRateWatch(s.errorRate(), s.evidenceSize());
        this.throughput = new ThroughputWatch(s.throughput());
        this.templates = new TemplateWatch(s.templates());
        this.recent = new Evidence(s.evidenceSize());
        this.latencyIncident = new Hysteresis();
        this.errorIncident = new Hysteresis();
        this.throughputIncident = new Hysteresis();
    }

    /**
     * Feeds one event (retries are not attempts and are ignored here).
     *
     * @param detector the step's detector when the event carries a duration, else null
     * @return true when an alert was emitted
     */
    boolean onEvent(StepEvent e, AnomalyDetector detector, Hysteresis.Policy policy, long wallNow, Sink sink) {
        if (!e.ended()) {
            return false;
        }
        dirty = true;
        long ts = e.timestampMs();
        throughput.count();
        recent.add(e.executionId(), ts);
        boolean alerted = false;
        if (e.durationMs() >= 0) {
            detectorDirty |= detector != null;
            double score = latency.observe(detector, ts, e.durationMs(), e.executionId());
            if (latencyIncident.update(policy, ts, score)) {
                sink.emit(Alerts.latency(this, score, ts, wallNow), ts);
                alerted = true;
            }
        }
        double errorScore = errorRate.observe(e.failed(), ts, e.executionId(), e.templateId());
        if (errorIncident.update(policy, ts, errorScore)) {
            sink.emit(Alerts.errorRate(this, errorScore, ts, wallNow), ts);
            alerted = true;
        }
        if (e.failed()) {
            double novelty = templates.failure(e.templateId());
            if (novelty >= 0) {
                sink.emit(Alerts.newTemplate(this, novelty, e, wallNow), ts);
                alerted = true;
            }
        } else {
            templates.success();
        }
        return alerted;
    }

    /**
     * Closes one wall-clock throughput interval.
     *
     * @return true when an alert was emitted
     */
    boolean onInterval(long startMs, long endMs, Hysteresis.Policy policy, Sink sink) {
        dirty = true;
        double score = throughput.closeInterval();
        if (throughputIncident.update(policy, endMs, score)) {
            sink.emit(Alerts.throughput(this, score, startMs, endMs), endMs);
            return true;
        }
        return false;
    }

    byte[] toBytes() {
        Wire.Out out = new Wire.Out(2048);
        out.u8(VERSION);
        latency.writeTo(out);
        errorRate.writeTo(out);
        throughput.writeTo(out);
        templates.writeTo(out);
        recent.writeTo(out);
        latencyIncident.writeTo(out);
        errorIncident.writeTo(out);
        throughputIncident.writeTo(out);
        return out.toBytes();
    }

    /**
     * Reads state written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException when the bytes are not state of this version and these settings
     */
    static StepWatch fromBytes(String key, byte[] bytes, AnomalySettings s) {
        Wire.In in = new Wire.In(bytes);
        int version = in.u8();
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown step watch version " + version);
        }
        StepWatch w = new StepWatch(key, s);
        w.latency.readFrom(in);
        w.errorRate.readFrom(in);
        w.throughput.readFrom(in);
        w.templates.readFrom(in);
        w.recent.readFrom(in);
        w.latencyIncident.readFrom(in);
        w.errorIncident.readFrom(in);
        w.throughputIncident.readFrom(in);
        if (!in.atEnd()) {
            throw new IllegalArgumentException("trailing bytes in step watch state of " + key);
        }
        return w;
    }

    boolean incidentOpen(String type) {
        return switch (type) {
            case Alert.LATENCY_SPIKE -> latencyIncident.isOpen();
            case Alert.ERROR_RATE_SPIKE -> errorIncident.isOpen();
            case Alert.THROUGHPUT_DROP -> throughputIncident.isOpen();
            default -> false;
        };
    }
}

package io.noetl.topology.alert;

import io.noetl.schemas.stream.Alert;
import io.noetl.topology.TopologyConfig;
import io.noetl.topology.anomaly.AnomalyDetector;
import io.noetl.topology.anomaly.Detectors;
import io.noetl.topology.metrics.StepEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds each step event to its {@link StepWatch} and forwards the alerts. Per-event work stays in memory; state
 * reaches the stores at wall-clock checkpoints, on close, and right after an alert (so a restart does not repeat it).
 */
final class AnomalyProcessor implements Processor<String, StepEvent, String, Alert> {

    private static final Logger LOG = LoggerFactory.getLogger(AnomalyProcessor.class);

    private final AnomalySettings settings;
    private final String detectorName;
    private final long detectorInterval;
    private final Hysteresis.Policy policy;
    private final Map<String, StepWatch> watches = new HashMap<>();
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, byte[]> watchStore;
    private KeyValueStore<String, byte[]> detectorStore;
    private final List<Cancellable> schedules = new ArrayList<>();
    private int liveDetectors;
    private long uses;
    private long intervalStart;

    AnomalyProcessor(TopologyConfig cfg, AnomalySettings settings) {
        this.settings = settings;
        this.detectorName = cfg.latencyDetector();
        this.detectorInterval = settings.detectorInterval().toMillis();
        this.policy = new Hysteresis.Policy(cfg.alertThreshold(), cfg.alertClearThreshold(),
                settings.quietFor().toMillis(), settings.quietObservations(), cfg.alertCooldown().toMillis());
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.watchStore = context.getStateStore(AnomalyStage.WATCH_STORE);
        this.detectorStore = context.getStateStore(AnomalyStage.DETECTOR_STORE);
        try (KeyValueIterator<String, byte[]> all = watchStore.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> kv = all.next();
                StepWatch w = restore(kv.key, kv.value);
                if (w != null) {
                    watches.put(kv.key, w);
                }
            }
        }
        LOG.info("anomaly watches restored for {} step(s) of task {}", watches.size(), context.taskId());
        intervalStart = context.currentSystemTimeMs();
        schedules.add(context.schedule(settings.checkpointInterval(), PunctuationType.WALL_CLOCK_TIME,
                now -> checkpoint(now, false)));
        schedules.add(context.schedule(settings.throughputInterval(), PunctuationType.WALL_CLOCK_TIME,
                this::closeInterval));
    }

    @Override
    public void process(Record<String, StepEvent> record) {
        StepEvent e = record.value();
        if (record.key() == null || e == null) {
            return;
        }
        StepWatch w = watches.get(record.key());
        if (w == null) {
            w = firstUse(record.key());
        }
        w.lastUsed = ++uses;
        AnomalyDetector detector = e.ended() && e.durationMs() >= 0 ? detectorOf(w) : null;
        if (w.onEvent(e, detector, policy, context.currentSystemTimeMs(), this::emit)) {
            watchStore.put(w.key, w.toBytes());
            w.dirty = false;
        }
    }

    /** A step not in memory: its stored state when there is one (restored after start-up), else a fresh one. */
    private StepWatch firstUse(String key) {
        byte[] stored = watchStore.get(key);
        StepWatch w = stored == null ? null : restore(key, stored);
        if (w == null) {
            w = new StepWatch(key, settings);
        }
        watches.put(key, w);
        return w;
    }

    private void emit(Alert alert, long timestampMs) {
        LOG.debug("{} alert on {}: {}", alert.type(), alert.key(), alert.message());
        context.forward(new Record<>(alert.key(), alert, timestampMs));
    }

    private AnomalyDetector detectorOf(StepWatch w) {
        if (w.detector == null) {
            byte[] snapshot = detectorStore.get(w.key);
            AnomalyDetector d = null;
            if (snapshot != null) {
                try {
                    d = Detectors.restore(snapshot);
                } catch (IllegalArgumentException ex) {
                    LOG.warn("detector of {} not restorable, learning afresh: {}", w.key, ex.getMessage());
                }
            }
            w.detector = d != null && detectorName.equals(d.name()) ? d : Detectors.create(detectorName);
            liveDetectors++;
        }
        return w.detector;
    }

    private StepWatch restore(String key, byte[] bytes) {
        try {
            return StepWatch.fromBytes(key, bytes, settings);
        } catch (IllegalArgumentException ex) {
            LOG.warn("anomaly state of {} not readable, learning afresh: {}", key, ex.getMessage());
            return null;
        }
    }

    private void closeInterval(long now) {
        for (StepWatch w : watches.values()) {
            if (w.onInterval(intervalStart, now, policy, this::emit)) {
                watchStore.put(w.key, w.toBytes());
                w.dirty = false;
            }
        }
        intervalStart = now;
    }

    /**
     * Writes changed state, and changed detectors whose snapshot is due (oldest first, a bounded number per call, all
     * of them when {@code all}); then drops the least recently used detectors beyond the bound.
     */
    private void checkpoint(long now, boolean all) {
        int states = 0;
        List<StepWatch> due = new ArrayList<>();
        for (StepWatch w : watches.values()) {
            if (w.dirty) {
                watchStore.put(w.key, w.toBytes());
                w.dirty = false;
                states++;
            }
            if (w.detectorDirty && w.detector != null && (all || w.detectorSavedAt == Long.MIN_VALUE
                    || now - w.detectorSavedAt >= detectorInterval)) {
                due.add(w);
            }
        }
        int limit = all ? due.size() : Math.min(due.size(), settings.snapshotsPerCheckpoint());
        if (limit < due.size()) {
            due.sort(Comparator.comparingLong(w -> w.detectorSavedAt));
        }
        for (int i = 0; i < limit; i++) {
            StepWatch w = due.get(i);
            detectorStore.put(w.key, Detectors.snapshot(w.detector));
            w.detectorDirty = false;
            w.detectorSavedAt = now;
        }
        if (liveDetectors > settings.maxLiveDetectors()) {
            dropLeastRecentlyUsedDetectors();
        }
        LOG.debug("anomaly checkpoint: {} state(s), {} detector(s)", states, limit);
    }

    private void dropLeastRecentlyUsedDetectors() {
        List<StepWatch> live = new ArrayList<>();
        for (StepWatch w : watches.values()) {
            if (w.detector != null && !w.detectorDirty) {
                live.add(w);
            }
        }
        live.sort(Comparator.comparingLong(w -> w.lastUsed));
        for (int i = 0; i < live.size() && liveDetectors > settings.maxLiveDetectors(); i++) {
            live.get(i).detector = null;
            liveDetectors--;
        }
    }

    @Override
    public void close() {
        schedules.forEach(Cancellable::cancel);
        checkpoint(context.currentSystemTimeMs(), true);
    }
}

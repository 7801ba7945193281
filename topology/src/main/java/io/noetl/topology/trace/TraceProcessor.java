package io.noetl.topology.trace;

import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.topology.TopologyConfig;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds de-duplicated events into one {@link TraceState} per execution and emits traces and stuck alerts.
 *
 * <p>Stores: the trace store (execution id → state), the pending store (executions changed since their trace was
 * last emitted) and the active store (non-terminal executions → the processing time of their latest event and
 * whether a stuck alert went out for the current quiet period).
 *
 * <p>Traces are emitted by a wall-clock punctuator every commit interval (at most every second), once per changed
 * execution, rather than once per event: a trace is re-serialized once per commit however many of its events
 * arrived. The pending set is a store, so a change whose trace was not yet emitted survives a crash.
 *
 * <p>Per event the state is folded and written back to the trace store (so the store holds it at every commit);
 * the decoded states of recently active executions are kept in memory ({@link LiveTraces}), so an event does not
 * decode the whole trace again. The pending store is written once per execution per emission, the active store's
 * mark at most every {@link #markResolution(Duration)} per execution.
 *
 * <p>Stuck executions: every {@link TopologyConfig#stuckScanInterval()} of wall-clock time the active store (not
 * the whole history) is scanned; an execution quiet for {@link TopologyConfig#stuckAfter()} — measured from when
 * its latest event was processed, so catching up on a backlog raises no false alarm — gets one alert, marked in the
 * store; its next event clears the mark, and a terminal event removes it from the store.
 */
public final class TraceProcessor implements Processor<String, NormalizedEvent, String, TraceOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(TraceProcessor.class);
    private static final byte[] PENDING = new byte[0];
    /** Decoded states kept per task: a few KB each. */
    static final int LIVE_TRACES = 4096;

    private final TopologyConfig cfg;
    private final String traceStore;
    private final String pendingStore;
    private final String activeStore;
    private ProcessorContext<String, TraceOutput> context;
    private KeyValueStore<String, byte[]> traces;
    private KeyValueStore<String, byte[]> pending;
    private KeyValueStore<String, byte[]> active;
    private LiveTraces live;
    /** Ids known to be in the pending store since the last emission (saves a store write per event). */
    private final Set<String> pendingIds = new HashSet<>();
    private long markResolutionMs;

    public TraceProcessor(TopologyConfig cfg, String traceStore, String pendingStore, String activeStore) {
        this.cfg = cfg;
        this.traceStore = traceStore;
        this.pendingStore = pendingStore;
        this.activeStore = activeStore;
    }

    @Override
    public void init(ProcessorContext<String, TraceOutput> context) {
        this.context = context;
        this.traces = context.getStateStore(traceStore);
        this.pending = context.getStateStore(pendingStore);
        this.active = context.getStateStore(activeStore);
        this.live = new LiveTraces(LIVE_TRACES);
        this.pendingIds.clear();
        this.markResolutionMs = markResolution(cfg.stuckAfter());
        context.schedule(emitInterval(context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)),
                PunctuationType.WALL_CLOCK_TIME, this::emitPending);
        context.schedule(cfg.stuckScanInterval(), PunctuationType.WALL_CLOCK_TIME, this::scanStuck);
    }

    /** The commit interval, kept between 10 ms and 1 s. */
    static Duration emitInterval(Object commitIntervalMs) {
        long ms = commitIntervalMs == null ? 100 : Long.parseLong(commitIntervalMs.toString());
        return Duration.ofMillis(Math.clamp(ms, 10L, 1_000L));
    }

    /** How stale an activity mark may get before an event rewrites it: a twentieth of the stuck limit, at most 1 s. */
    static long markResolution(Duration stuckAfter) {
        return Math.min(1_000L, stuckAfter.toMillis() / 20);
    }

    @Override
    public void process(Record<String, NormalizedEvent> record) {
        if (Kinds.RESOLUTION.equals(record.value().kind())) {
            // a person's note on a past failure, possibly days later: it annotates the execution, it is not activity
            return;
        }
        String id = record.key();
        LiveTraces.Entry entry = live.get(id);
        if (entry == null) {
            byte[] before = traces.get(id);
            if (before == null && !"playbook.started".equals(record.value().eventType())) {
                LOG.debug("execution {} first seen through {}: traced without its start", id,
                        record.value().eventType());
            }
            entry = live.put(id, before == null ? new TraceState() : TraceCodec.decode(before));
        }
        TraceState state = entry.state;
        state.fold(record.value());
        traces.put(id, TraceCodec.encode(state));
        if (pendingIds.add(id)) {
            pending.put(id, PENDING);
        }
        if (state.terminal()) {
            active.delete(id);
            return;
        }
        long now = context.currentSystemTimeMs();
        if (entry.markedAt < 0 || now - entry.markedAt >= markResolutionMs) {
            active.put(id, mark(now, false));
            entry.markedAt = now;
        }
    }

    @Override
    public void close() {
        live = null;
        pendingIds.clear();
    }

    /** The state of an execution: the decoded one when cached, else read from the store (null when unknown). */
    private TraceState state(String id) {
        LiveTraces.Entry entry = live.get(id);
        if (entry != null) {
            return entry.state;
        }
        byte[] bytes = traces.get(id);
        return bytes == null ? null : TraceCodec.decode(bytes);
    }

    private void emitPending(long now) {
        List<String> changed = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = pending.all()) {
            it.forEachRemaining(kv -> changed.add(kv.key));
        }
        for (String id : changed) {
            TraceState s = state(id);
            if (s != null) {
                context.forward(new Record<>(id, new TraceOutput.Trace(TraceView.render(id, s)), now));
            }
            pending.delete(id);
        }
        pendingIds.clear();
    }

    private void scanStuck(long now) {
        long quietLimit = cfg.stuckAfter().toMillis();
        List<KeyValue<String, Long>> quiet = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = active.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                ByteBuffer m = ByteBuffer.wrap(kv.value);
                long lastSeen = m.getLong();
                boolean alerted = m.get() != 0;
                if (!alerted && now - lastSeen >= quietLimit) {
                    quiet.add(KeyValue.pair(kv.key, lastSeen));
                }
            }
        }
        for (KeyValue<String, Long> q : quiet) {
            TraceState s = state(q.key);
            if (s == null || s.terminal()) {
                active.delete(q.key);
                continue;
            }
            if (s.waitingForDecision()) {
                // paused for a person: quiet by design; marked as handled so scans skip it until it moves again
                active.put(q.key, mark(q.value, true));
                LiveTraces.Entry entry = live.get(q.key);
                if (entry != null) {
                    entry.markedAt = -1;
                }
                continue;
            }
            context.forward(new Record<>(StuckAlerts.key(s),
                    new TraceOutput.Stuck(StuckAlerts.alert(q.key, s, q.value, now, cfg.stuckAfter())), now));
            active.put(q.key, mark(q.value, true));
            LiveTraces.Entry entry = live.get(q.key);
            if (entry != null) {
                entry.markedAt = -1; // the next event clears the alert mark
            }
        }
    }

    private static byte[] mark(long lastSeen, boolean alerted) {
        return ByteBuffer.allocate(9).putLong(lastSeen).put((byte) (alerted ? 1 : 0)).array();
    }
}

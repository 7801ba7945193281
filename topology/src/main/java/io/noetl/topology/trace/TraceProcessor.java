package io.noetl.topology.trace;

import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.topology.TopologyConfig;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Stuck executions: every {@link TopologyConfig#stuckScanInterval()} of wall-clock time the active store (not
 * the whole history) is scanned; an execution quiet for {@link TopologyConfig#stuckAfter()} — measured from when
 * its latest event was processed, so catching up on a backlog raises no false alarm — gets one alert, marked in the
 * store; its next event clears the mark, and a terminal event removes it from the store.
 */
public final class TraceProcessor implements Processor<String, NormalizedEvent, String, TraceOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(TraceProcessor.class);
    private static final byte[] PENDING = new byte[0];

    private final TopologyConfig cfg;
    private final String traceStore;
    private final String pendingStore;
    private final String activeStore;
    private ProcessorContext<String, TraceOutput> context;
    private KeyValueStore<String, byte[]> traces;
    private KeyValueStore<String, byte[]> pending;
    private KeyValueStore<String, byte[]> active;

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
        context.schedule(emitInterval(context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)),
                PunctuationType.WALL_CLOCK_TIME, this::emitPending);
        context.schedule(cfg.stuckScanInterval(), PunctuationType.WALL_CLOCK_TIME, this::scanStuck);
    }

    /** The commit interval, kept between 10 ms and 1 s. */
    static Duration emitInterval(Object commitIntervalMs) {
        long ms = commitIntervalMs == null ? 100 : Long.parseLong(commitIntervalMs.toString());
        return Duration.ofMillis(Math.clamp(ms, 10L, 1_000L));
    }

    @Override
    public void process(Record<String, NormalizedEvent> record) {
        String id = record.key();
        byte[] before = traces.get(id);
        TraceState state;
        if (before == null) {
            state = new TraceState();
            if (!"playbook.started".equals(record.value().eventType())) {
                LOG.debug("execution {} first seen through {}: traced without its start", id,
                        record.value().eventType());
            }
        } else {
            state = TraceCodec.decode(before);
        }
        state.fold(record.value());
        traces.put(id, TraceCodec.encode(state));
        pending.put(id, PENDING);
        if (state.terminal()) {
            active.delete(id);
        } else {
            active.put(id, mark(context.currentSystemTimeMs(), false));
        }
    }

    private void emitPending(long now) {
        List<String> changed = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = pending.all()) {
            it.forEachRemaining(kv -> changed.add(kv.key));
        }
        for (String id : changed) {
            byte[] bytes = traces.get(id);
            if (bytes != null) {
                TraceOutput out = new TraceOutput.Trace(TraceView.render(id, TraceCodec.decode(bytes)));
                context.forward(new Record<>(id, out, now));
            }
            pending.delete(id);
        }
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
            byte[] bytes = traces.get(q.key);
            TraceState s = bytes == null ? null : TraceCodec.decode(bytes);
            if (s == null || s.terminal()) {
                active.delete(q.key);
                continue;
            }
            context.forward(new Record<>(StuckAlerts.key(s),
                    new TraceOutput.Stuck(StuckAlerts.alert(q.key, s, q.value, now, cfg.stuckAfter())), now));
            active.put(q.key, mark(q.value, true));
        }
    }

    private static byte[] mark(long lastSeen, boolean alerted) {
        return ByteBuffer.allocate(9).putLong(lastSeen).put((byte) (alerted ? 1 : 0)).array();
    }
}

package io.noetl.sink.index;

import io.noetl.schemas.Names;
import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.StepMetrics;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.AnalyticsStoreException;
import io.noetl.stores.analytics.DecisionRow;
import io.noetl.stores.analytics.Rejected;
import io.noetl.stores.analytics.TableCounts;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The analytics index: events, traces, step metrics, alerts and decisions (from {@code decision} events) written as
 * rows into the tables of an {@link AnalyticsStore} version.
 */
public final class AnalyticsIndex implements SinkIndex {

    private final AnalyticsStore store;
    // topic names, resolved once: decode compares every record's topic with them
    private final String eventsTopic;
    private final String tracesTopic;
    private final String stepMetricsTopic;
    private final String alertsTopic;
    private final Set<String> topics;
    private final CachedPointer pointer;

    /**
     * @param store where rows go; closed with this index
     * @param names topic names
     */
    public AnalyticsIndex(AnalyticsStore store, Names names) {
        this.store = store;
        this.eventsTopic = names.eventsTopic();
        this.tracesTopic = names.tracesTopic();
        this.stepMetricsTopic = names.stepMetricsTopic();
        this.alertsTopic = names.alertsTopic();
        this.topics = Set.of(eventsTopic, tracesTopic, stepMetricsTopic, alertsTopic);
        this.pointer = new CachedPointer(() -> guard("read the current analytics version", store::currentVersion));
    }

    /** @return the store this index writes to */
    public AnalyticsStore store() {
        return store;
    }

    @Override
    public IndexTarget target() {
        return IndexTarget.ANALYTICS;
    }

    @Override
    public Set<String> topics() {
        return topics;
    }

    @Override
    public int currentVersion() {
        return pointer.get();
    }

    @Override
    public List<Integer> versions() {
        return guard("list analytics versions", store::versions);
    }

    @Override
    public void createVersion(int version) {
        run("create analytics version " + version, () -> store.createVersion(version));
    }

    @Override
    public void switchTo(int version) {
        run("switch analytics to version " + version, () -> store.switchTo(version));
        pointer.set(version);
    }

    @Override
    public void dropVersion(int version) {
        run("drop analytics version " + version, () -> store.dropVersion(version));
    }

    @Override
    public long count(int version) {
        TableCounts c = counts(version);
        return c.events() + c.traces() + c.stepMetrics() + c.alerts() + c.decisions();
    }

    /** @return distinct keys per table of a version */
    public TableCounts counts(int version) {
        return guard("count analytics version " + version, () -> store.counts(version));
    }

    @Override
    public List<RejectedRecord> write(int version, List<ConsumerRecord<byte[], byte[]>> records) {
        return write(version, decode(records));
    }

    /** Decodes the records into rows ahead of the write. */
    @Override
    public PreparedBatch prepare(List<ConsumerRecord<byte[], byte[]>> records) {
        return new PreparedBatch(records, decode(records));
    }

    @Override
    public List<RejectedRecord> write(int version, PreparedBatch batch) {
        return write(version, batch.work() instanceof Decoded d ? d : decode(batch.records()));
    }

    private List<RejectedRecord> write(int version, Decoded d) {
        List<Rejected> refused = guard("write " + d.batch.size() + " rows into analytics version " + version,
                () -> d.batch.size() == 0 ? List.of() : store.write(version, d.batch));
        Rejections out = new Rejections();
        d.rejected.forEach(r -> out.add(r.record(), r.reason()));
        for (Rejected r : refused) {
            ConsumerRecord<byte[], byte[]> origin = d.origin.get(r.record());
            if (origin == null) {
                throw new IllegalStateException("analytics store rejected a record it was not given: " + r.reason());
            }
            out.add(origin, r.reason());
        }
        return out.list();
    }

    /** Records decoded into a batch, what each row came from, and what could not be decoded. */
    record Decoded(AnalyticsBatch batch, Map<Object, ConsumerRecord<byte[], byte[]>> origin,
            List<RejectedRecord> rejected) {
    }

    /** Decodes records by topic; records of other topics are ignored. */
    Decoded decode(List<ConsumerRecord<byte[], byte[]>> records) {
        List<NormalizedEvent> events = new ArrayList<>();
        List<ExecutionTrace> traces = new ArrayList<>();
        List<StepMetrics> metrics = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        List<DecisionRow> decisions = new ArrayList<>();
        Map<Object, ConsumerRecord<byte[], byte[]>> origin = new IdentityHashMap<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            String topic = r.topic();
            try {
                if (topic.equals(eventsTopic)) {
                    NormalizedEvent e = RecordDecoder.decode(r, NormalizedEvent.class);
                    var decision = AnalyticsMapping.decision(e);
                    events.add(e);
                    origin.put(e, r);
                    decision.ifPresent(row -> {
                        decisions.add(row);
                        origin.put(row, r);
                    });
                } else if (topic.equals(tracesTopic)) {
                    ExecutionTrace t = RecordDecoder.decode(r, ExecutionTrace.class);
                    traces.add(t);
                    origin.put(t, r);
                } else if (topic.equals(stepMetricsTopic)) {
                    StepMetrics m = RecordDecoder.decode(r, StepMetrics.class);
                    metrics.add(m);
                    origin.put(m, r);
                } else if (topic.equals(alertsTopic)) {
                    Alert a = RecordDecoder.decode(r, Alert.class);
                    alerts.add(a);
                    origin.put(a, r);
                }
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedRecord(r, e.getMessage()));
            }
        }
        return new Decoded(new AnalyticsBatch(events, traces, metrics, alerts, decisions), origin, rejected);
    }

    private static <T> T guard(String operation, Supplier<T> action) {
        return StoreCalls.guard(operation, AnalyticsStoreException.class, action);
    }

    private static void run(String operation, Runnable action) {
        StoreCalls.run(operation, AnalyticsStoreException.class, action);
    }

    @Override
    public void close() {
        store.close();
    }
}

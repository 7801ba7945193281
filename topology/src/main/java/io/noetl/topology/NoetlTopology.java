package io.noetl.topology;

import io.noetl.schemas.Names;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.topology.alert.AnomalyStage;
import io.noetl.topology.dedupe.DedupeProcessor;
import io.noetl.topology.metrics.StepEvent;
import io.noetl.topology.metrics.StepEvents;
import io.noetl.topology.metrics.StepMetricsStage;
import io.noetl.topology.normalize.NormalizeOutcome;
import io.noetl.topology.normalize.NormalizeProcessor;
import io.noetl.topology.template.TemplateProcessor;
import io.noetl.topology.trace.TraceOutput;
import io.noetl.topology.trace.TraceProcessor;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams topology of NoETL (DESIGN.md, "Data flow"):
 *
 * <pre>
 * noetl.events.raw (bytes) ─► normalize ─┬─► rejected ─────────────────────────────► noetl.events.dlq
 *                                        ├─► keyed by execution id ─┐
 *                                        └─► other key ─► repartition┴─► dedupe ─► templates = normalized
 * normalized ─► noetl.events
 *            ├► by playbook/step (one repartition) ─┬─► windowed step metrics ─► noetl.metrics.step
 *            │                                      └─► anomaly watches ─► noetl.alerts
 *            └► traces ─┬─► noetl.traces
 *                       └─► stuck alerts ─► noetl.alerts
 * </pre>
 *
 * <p>Raw records are read as bytes, so none can fail deserialization; normalization never throws (a bad record
 * becomes a dead letter). The output is keyed by execution id; records the bridge already keyed so (all of them,
 * by contract) stay in their partition, and only records keyed otherwise pay a trip through a repartition topic
 * to reach the partition their execution's state lives in. Normalized records carry the event's timestamp (after
 * clock-skew clamping) as their record timestamp, so downstream windows are in event time.
 *
 * <p>Pure: builds a {@link Topology} and starts nothing; {@link TopologyRunner} runs it.
 */
public final class NoetlTopology {

    private NoetlTopology() {
    }

    public static Topology build(TopologyConfig cfg) {
        Names names = cfg.names();
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder, cfg);
        Topic<byte[], byte[]> raw = Topics.rawEvents(names);
        Topic<String, NormalizedEvent> events = Topics.events(names);

        KStream<String, NormalizeOutcome> outcomes = builder
                .stream(raw.name(), raw.consumed().withName("raw-events"))
                .process(() -> new NormalizeProcessor(cfg), Named.as("normalize"));
        Map<String, KStream<String, NormalizeOutcome>> branches = outcomes.split(Named.as("outcome-"))
                .branch((k, v) -> v instanceof NormalizeOutcome.Rejected, Branched.as("rejected"))
                .branch((k, v) -> ((NormalizeOutcome.Accepted) v).keyIsExecutionId(), Branched.as("in-place"))
                .defaultBranch(Branched.as("rekeyed"));
        Topic<String, io.noetl.schemas.stream.DeadLetter> dlq = Topics.deadLetters(names);
        branches.get("outcome-rejected")
                .mapValues(v -> ((NormalizeOutcome.Rejected) v).letter(), Named.as("dead-letter"))
                .to(dlq.name(), dlq.produced().withName("dead-letters"));
        KStream<String, NormalizedEvent> inPlace = accepted(branches.get("outcome-in-place"), "in-place");
        KStream<String, NormalizedEvent> rekeyed = accepted(branches.get("outcome-rekeyed"), "rekeyed")
                .repartition(Repartitioned.with(Serdes.String(), events.valueSerde()).withName("by-execution"));

        KStream<String, NormalizedEvent> normalized = inPlace.merge(rekeyed, Named.as("by-execution-id"))
                .processValues(() -> new DedupeProcessor(StoreNames.DEDUPE, cfg.dedupeRetention()),
                        Named.as("dedupe"), StoreNames.DEDUPE)
                .processValues(() -> new TemplateProcessor(StoreNames.TEMPLATE_CLUSTERS, StoreNames.TEMPLATE_ALIASES,
                        cfg.maxTemplates()), Named.as("templates"), StoreNames.TEMPLATE_CLUSTERS,
                        StoreNames.TEMPLATE_ALIASES);

        normalized.to(events.name(), events.produced().withName("normalized-events"));
        // one repartition by playbook/step feeds both the windowed metrics and the anomaly watches
        KStream<String, StepEvent> byStep = StepEvents.byStep(normalized);
        StepMetricsStage.attachByStep(byStep, cfg);
        AnomalyStage.attachByStep(byStep, cfg);

        Map<String, KStream<String, TraceOutput>> traceOut = normalized
                .process(() -> new TraceProcessor(cfg, StoreNames.TRACES, StoreNames.TRACES_PENDING,
                        StoreNames.TRACES_ACTIVE), Named.as("traces"), StoreNames.TRACES, StoreNames.TRACES_PENDING,
                        StoreNames.TRACES_ACTIVE)
                .split(Named.as("trace-"))
                .branch((k, v) -> v instanceof TraceOutput.Trace, Branched.as("trace"))
                .defaultBranch(Branched.as("stuck"));
        var traces = Topics.traces(names);
        traceOut.get("trace-trace").mapValues(v -> ((TraceOutput.Trace) v).trace(), Named.as("trace-value"))
                .to(traces.name(), traces.produced().withName("execution-traces"));
        var alerts = Topics.alerts(names);
        traceOut.get("trace-stuck").mapValues(v -> ((TraceOutput.Stuck) v).alert(), Named.as("stuck-value"))
                .to(alerts.name(), alerts.produced().withName("stuck-alerts"));
        return builder.build();
    }

    private static KStream<String, NormalizedEvent> accepted(KStream<String, NormalizeOutcome> s, String name) {
        return s.mapValues(v -> ((NormalizeOutcome.Accepted) v).event(), Named.as(name + "-event"));
    }

    private static void addStores(StreamsBuilder builder, TopologyConfig cfg) {
        builder.addStateStore(store(StoreNames.DEDUPE, Serdes.ByteArray()));
        builder.addStateStore(store(StoreNames.TEMPLATE_CLUSTERS, Serdes.ByteArray()));
        builder.addStateStore(store(StoreNames.TEMPLATE_ALIASES, Serdes.String()));
        builder.addStateStore(store(StoreNames.TRACES, Serdes.ByteArray()));
        builder.addStateStore(store(StoreNames.TRACES_PENDING, Serdes.ByteArray()));
        builder.addStateStore(store(StoreNames.TRACES_ACTIVE, Serdes.ByteArray()));
    }

    /** A persistent (RocksDB), changelogged, cached key-value store. */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
                .withCachingEnabled();
    }
}

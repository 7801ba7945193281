package io.noetl.topology.metrics;

import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.StepMetrics;
import io.noetl.topology.JsonSerde;
import io.noetl.topology.TopologyConfig;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;

/**
 * Windowed step metrics: per {@link StepKey}, tumbling windows of {@link TopologyConfig#metricsWindow()} over event
 * time with {@link TopologyConfig#metricsGrace()} for late events, aggregating attempts, failures, retries, error
 * rate and duration quantiles (p50/p95/p99 from a {@link QuantileSketch}, exact max) into {@link StepMetrics} on
 * {@code cfg.names().stepMetricsTopic()}, keyed by the step key.
 *
 * <p><b>Emit on update.</b> A window's record is published every time the window changes, not once at its close, so
 * dashboards are live: each record is an upsert of the window identified by (key, window start), and the latest one
 * for a window is its current value. With Kafka Streams' record cache on (the default), updates to one window are
 * coalesced until the cache flushes (at each commit, {@code commit.interval.ms}), which bounds the output rate; set
 * {@code statestore.cache.max.bytes=0} to publish every single update. An event later than the window's end plus
 * grace (by stream time) is dropped and counted in Kafka Streams' {@code dropped-records} metric.
 *
 * <p>The window store ({@value #STORE}) is persistent (RocksDB), changelogged, holding the compact binary
 * {@link StepWindow} and retaining window plus grace.
 */
public final class StepMetricsStage {

    /** Name of the window store. */
    public static final String STORE = "step-metrics";

    private StepMetricsStage() {
    }

    /**
     * Attaches the stage to normalized events keyed by execution id (re-keys them through {@link StepEvents}; to
     * share that repartition with other per-step stages use {@link #attachByStep}).
     */
    public static void attach(KStream<String, NormalizedEvent> events, TopologyConfig cfg) {
        attachByStep(StepEvents.byStep(events), cfg);
    }

    /** Attaches the stage to events already re-keyed by {@link StepEvents#byStep}. */
    public static void attachByStep(KStream<String, StepEvent> byStep, TopologyConfig cfg) {
        Duration window = cfg.metricsWindow();
        Duration grace = cfg.metricsGrace();
        byStep.groupByKey(Grouped.with("step-metrics-group", Serdes.String(), StepEvent.serde()))
                .windowedBy(TimeWindows.ofSizeAndGrace(window, grace))
                .aggregate(StepWindow::new, (key, event, agg) -> agg.add(event), Named.as("step-metrics-aggregate"),
                        Materialized.<String, StepWindow>as(
                                        Stores.persistentTimestampedWindowStore(STORE, window.plus(grace), window, false))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(StepWindow.serde()))
                .toStream(Named.as("step-metrics-updates"))
                .filter((wk, agg) -> agg != null, Named.as("step-metrics-present"))
                .map((wk, agg) -> KeyValue.pair(wk.key(),
                                agg.toMetrics(wk.key(), wk.window().startTime(), wk.window().endTime())),
                        Named.as("step-metrics-records"))
                .to(cfg.names().stepMetricsTopic(), Produced.with(Serdes.String(), JsonSerde.of(StepMetrics.class))
                        .withName("step-metrics-sink"));
    }
}

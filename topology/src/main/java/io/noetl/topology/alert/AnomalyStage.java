package io.noetl.topology.alert;

import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.topology.JsonSerde;
import io.noetl.topology.TopologyConfig;
import io.noetl.topology.metrics.StepEvent;
import io.noetl.topology.metrics.StepEvents;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Streaming anomaly alerts per step, on {@code cfg.names().alertsTopic()} keyed by the step key:
 * {@code latency_spike} (each duration scored as it arrives by {@code cfg.latencyDetector()} and a robust shift test,
 * {@link LatencyWatch}), {@code error_rate_spike} ({@link ErrorRateWatch}), {@code throughput_drop} (a wall-clock
 * check each {@code throughputInterval}, {@link ThroughputWatch}) and {@code new_error_template}
 * ({@link TemplateWatch}). One incident gives one alert ({@link Hysteresis}: {@code cfg.alertThreshold()},
 * {@code cfg.alertClearThreshold()}, {@code cfg.alertCooldown()}); a new template alerts once per (step, template).
 * Severity follows {@link Severity}.
 *
 * <p>Alerts leave with the event that caused them (no window to wait for). Per-step state lives in memory and is
 * checkpointed to two persistent, changelogged key-value stores: {@value #WATCH_STORE} (compact binary state of the
 * watches and incidents: at each wall-clock checkpoint, every 5 s by default, right after each alert and on close)
 * and {@value #DETECTOR_STORE} (detector snapshots: a snapshot costs milliseconds, so a changed detector is saved at
 * most once a minute by default, a bounded number per checkpoint, and all on close). After a restart the states
 * are read back at start-up (or on a step's first event) and each detector on its step's next duration, so
 * detection continues without re-learning; what was learned after the last checkpoint is lost.
 *
 * <p>Memory per task: the watch state of every step it has seen (a few KB each) and at most
 * {@code maxLiveDetectors} detectors (1000 by default; the least recently used are dropped after their snapshot).
 */
public final class AnomalyStage {

    /** Store of per-step watch state (compact binary). */
    public static final String WATCH_STORE = "anomaly-watch";
    /** Store of per-step latency detector snapshots. */
    public static final String DETECTOR_STORE = "anomaly-detectors";

    private AnomalyStage() {
    }

    /**
     * Attaches the stage to normalized events keyed by execution id (re-keys them through {@link StepEvents}; to
     * share that repartition with the step metrics use {@link #attachByStep}).
     */
    public static void attach(KStream<String, NormalizedEvent> events, TopologyConfig cfg) {
        attachByStep(StepEvents.byStep(events), cfg);
    }

    /** Attaches the stage to events already re-keyed by {@link StepEvents#byStep}. */
    public static void attachByStep(KStream<String, StepEvent> byStep, TopologyConfig cfg) {
        attachByStep(byStep, cfg, AnomalySettings.DEFAULT);
    }

    static void attachByStep(KStream<String, StepEvent> byStep, TopologyConfig cfg, AnomalySettings settings) {
        byStep.process(new Supplier(cfg, settings), Named.as("anomaly-detect"))
                .to(cfg.names().alertsTopic(), Produced.with(Serdes.String(), JsonSerde.of(Alert.class))
                        .withName("anomaly-alerts-sink"));
    }

    private record Supplier(TopologyConfig cfg, AnomalySettings settings)
            implements ProcessorSupplier<String, StepEvent, String, Alert> {

        @Override
        public Processor<String, StepEvent, String, Alert> get() {
            return new AnomalyProcessor(cfg, settings);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(store(WATCH_STORE), store(DETECTOR_STORE));
        }

        private static StoreBuilder<KeyValueStore<String, byte[]>> store(String name) {
            return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                    Serdes.ByteArray());
        }
    }
}

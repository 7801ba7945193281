package io.noetl.app.infra;

import io.nats.client.Connection;
import io.noetl.connectors.alerts.AlertRelay;
import io.noetl.connectors.alerts.AlertRelaySettings;
import io.noetl.connectors.bridge.BridgeSettings;
import io.noetl.connectors.bridge.EventBridge;
import io.noetl.connectors.kafka.KafkaTopics;
import io.noetl.connectors.kafka.TopicSettings;
import io.noetl.embedded.kafka.KafkaProbe;
import io.noetl.schemas.Names;
import io.noetl.schemas.nats.NatsConnections;
import io.noetl.schemas.settings.Env;
import io.noetl.sink.index.EmbedderCheck;
import io.noetl.sink.index.SinkIndexes;
import io.noetl.sink.index.StoreSettings;
import io.noetl.sink.processor.SinkProcessor;
import io.noetl.sink.processor.SinkSettings;
import io.noetl.topology.StreamsSettings;
import io.noetl.topology.TopologyConfig;
import io.noetl.topology.TopologyRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream side of the pipeline, started in order into a {@link Lifecycle} (which closes it in reverse): the
 * Kafka cluster ({@link EmbeddedKafka}), the topics, then the roles that use them: the topology, the sink (Kafka into
 * the vector and analytics stores), then the bridge.
 */
public final class StreamRoles {

    private static final Logger LOG = LoggerFactory.getLogger(StreamRoles.class);

    private static final Duration TOPOLOGY_START = Duration.ofMinutes(2);

    private StreamRoles() {
    }

    /**
     * What was started.
     *
     * @param bootstrapServers the Kafka cluster in use
     * @param names            names on the wire
     * @param sink             the indexes the sink fills, or null when no sink was started
     */
    public record Started(String bootstrapServers, Names names, SinkIndexes sink) {
    }

    /**
     * Starts Kafka (embedded unless {@code KAFKA_BOOTSTRAP_SERVERS} is set), creates the topics, runs the topology
     * (its state under {@code <NOETL_DATA_DIR>/streams}), the sink (stores under {@code <NOETL_DATA_DIR>}), the event
     * bridge and the alert relay against the NATS server of {@code NATS_URL}; reports each step on {@code out}.
     */
    public static Started start(Map<String, String> env, Lifecycle life, PrintWriter out) {
        return start(env, life, out, true);
    }

    /** As {@link #start(Map, Lifecycle, PrintWriter)}; {@code withSink} false leaves the sink out. */
    public static Started start(Map<String, String> env, Lifecycle life, PrintWriter out, boolean withSink) {
        Env settings = Env.of(env);
        Names names = settings.names();
        StoreSettings stores = withSink ? StoreSettings.fromEnv(env) : null;
        KafkaReady kafka = kafkaAndTopics(env, names, life, out);
        String bootstrap = kafka.bootstrapServers();
        // the topology and the sink read the topics and need nothing of the bridge
        TopologyConfig topology = TopologyConfig.defaults(names);
        Path stateDir = settings.dataDir().resolve("streams");
        life.add(new TopologyRunner(topology, StreamsSettings.properties(bootstrap, topology, stateDir,
                StreamsSettings.DEFAULT_COMMIT_INTERVAL, kafka.settings().replicationFactor())).start(TOPOLOGY_START));
        out.println("topology: " + names.rawEventsTopic() + " -> " + names.eventsTopic() + ", " + names.tracesTopic()
                + ", " + names.stepMetricsTopic() + ", " + names.alertsTopic() + " (state " + stateDir + ")");
        out.flush();
        SinkIndexes sink = withSink ? startSink(env, stores, bootstrap, names, life, out) : null;

        Connection nc = life.add(NatsConnections.connect(settings.natsUrl(), names.prefix() + "noetl-bridge"));
        BridgeSettings bridge = BridgeSettings.defaults(bootstrap);
        if (!kafka.owned()) {
            // a cluster elsewhere: the records cross a network, where compression pays
            bridge = bridge.withProducerTuning(bridge.lingerMs(), bridge.batchBytes(), "lz4");
        }
        life.add(EventBridge.start(nc, names, bridge));
        life.add(AlertRelay.start(nc, names, AlertRelaySettings.defaults(bootstrap)));
        out.println("bridge: " + names.eventsStream() + " -> Kafka " + names.rawEventsTopic() + ", Kafka "
                + names.alertsTopic() + " -> " + names.alertsWildcard());
        out.flush();
        return new Started(bootstrap, names, sink);
    }

    /**
     * The sink role alone (for scale-out): Kafka (embedded unless {@code KAFKA_BOOTSTRAP_SERVERS} is set), the topics,
     * and a sink in the shared consumer group.
     */
    public static Started startSinkOnly(Map<String, String> env, Lifecycle life, PrintWriter out) {
        Names names = Env.of(env).names();
        StoreSettings stores = StoreSettings.fromEnv(env);
        String bootstrap = kafkaAndTopics(env, names, life, out).bootstrapServers();
        return new Started(bootstrap, names, startSink(env, stores, bootstrap, names, life, out));
    }

    /** Opens the stores ({@link SinkIndexes#open}) and starts a sink into them ({@link SinkSettings#fromEnv}). */
    private static SinkIndexes startSink(Map<String, String> env, StoreSettings stores, String bootstrap, Names names,
            Lifecycle life, PrintWriter out) {
        SinkSettings settings = SinkSettings.fromEnv(env, bootstrap).withClientId(names.prefix() + "noetl-sink");
        SinkIndexes indexes = life.add(SinkIndexes.open(stores, names));
        SinkProcessor processor = life.add(SinkProcessor.start(indexes.list(), names, settings));
        out.println("sink: " + String.join(", ", processor.topics()) + " -> "
                + indexes.list().stream().map(i -> i.target().wireName()).toList() + " (stores under "
                + stores.dataDir() + (indexes.vectors() == null ? ""
                        : ", embedder " + indexes.vectors().embeddings().embedderId())
                + ", dead letters " + names.sinkDeadLetterTopic() + ")");
        if (indexes.vectors() != null) {
            // the sink runs on (analytics keep flowing, the replay that fixes it needs this process), but the
            // vector index takes no point of another embedder: each one goes to the dead letters with this reason
            indexes.vectors().embedderMismatch().ifPresent(problem -> {
                LOG.warn("sink: {}", problem);
                out.println("sink: WARNING " + problem);
                out.println("sink: to rebuild the vector index with the configured embedder, run: "
                        + EmbedderCheck.FIX);
            });
        }
        out.flush();
        return indexes;
    }

    /** A reachable cluster with the pipeline's topics, and the settings they were created with. */
    private record KafkaReady(String bootstrapServers, TopicSettings settings, boolean owned) {
    }

    private static KafkaReady kafkaAndTopics(Map<String, String> env, Names names, Lifecycle life, PrintWriter out) {
        TopicSettings settings = TopicSettings.fromEnv(env);
        EmbeddedKafka kafka = life.add(EmbeddedKafka.ensure(env));
        String bootstrap = kafka.bootstrapServers();
        out.println("Kafka: " + bootstrap + (kafka.owned() ? " (private broker, data " + kafka.dataDir() + ")" : ""));
        out.flush();
        try (Admin admin = KafkaProbe.admin(bootstrap, Duration.ofSeconds(30))) {
            int brokers = brokers(admin);
            if (settings.replicationFactor() > brokers) {
                out.println("Kafka has " + brokers + " broker(s): topics get " + brokers + " replica(s) instead of "
                        + settings.replicationFactor() + " (NOETL_KAFKA_REPLICATION)");
                settings = settings.withReplicationFactor((short) brokers);
            }
            KafkaTopics.ensure(admin, names, settings).problems().forEach(out::println);
        }
        return new KafkaReady(bootstrap, settings, kafka.owned());
    }

    private static int brokers(Admin admin) {
        try {
            return Math.max(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("describe the Kafka cluster: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the Kafka cluster", e);
        }
    }
}

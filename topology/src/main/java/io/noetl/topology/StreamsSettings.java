package io.noetl.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings of the topology, in one place.
 *
 * <ul>
 *   <li>{@code processing.guarantee=exactly_once_v2}: consumed offsets, store changelogs and outputs commit in one
 *       transaction, so a crash or restart neither loses nor doubles anything (de-duplication handles the
 *       redeliveries that happen before Kafka, e.g. a bridge re-publishing).</li>
 *   <li>Commit interval 100 ms by default: traces are emitted once per commit, so this bounds their latency.</li>
 *   <li>{@code max.task.idle.ms} disabled: a task reads raw events and the (usually empty) repartition topic of
 *       records keyed otherwise; nothing downstream depends on the order between the two (de-duplication keeps the
 *       first sight, traces fold order-independently), so a task never waits to fetch from the empty one before
 *       processing what it has.</li>
 *   <li>Replication factor 1 for internal topics unless overridden (the embedded default is a single broker).</li>
 *   <li>Production errors: {@link SkipTooLargeProductionHandler} — a record the broker refuses as too large is
 *       logged and skipped (retrying cannot help and failing would stop the stream thread on every restart);
 *       any other send error fails the task so the transaction aborts and the input is reprocessed.</li>
 * </ul>
 */
public final class StreamsSettings {

    /** Default commit interval. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

    private StreamsSettings() {
    }

    /** Settings with replication factor 1. */
    public static Properties properties(String bootstrapServers, TopologyConfig cfg, Path stateDir,
            Duration commitInterval) {
        return properties(bootstrapServers, cfg, stateDir, commitInterval, 1);
    }

    /**
     * Settings of the topology.
     *
     * @param bootstrapServers  Kafka bootstrap servers
     * @param stateDir          where the state stores live (RocksDB)
     * @param commitInterval    commit interval, null for {@link #DEFAULT_COMMIT_INTERVAL}
     * @param replicationFactor replication factor of internal topics (changelogs, repartition topics), at least 1
     */
    public static Properties properties(String bootstrapServers, TopologyConfig cfg, Path stateDir,
            Duration commitInterval, int replicationFactor) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(stateDir, "stateDir");
        Duration commit = commitInterval == null ? DEFAULT_COMMIT_INTERVAL : commitInterval;
        if (commit.isNegative() || commit.isZero()) {
            throw new IllegalArgumentException("commit interval must be positive, got " + commit);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, cfg.names().topologyApplicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commit.toMillis()));
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Integer.toString(replicationFactor));
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, SkipTooLargeProductionHandler.class.getName());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, Long.toString(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED));
        return p;
    }
}

package io.noetl.connectors.kafka;

import io.noetl.schemas.settings.Env;
import java.time.Duration;
import java.util.Map;

/**
 * How the pipeline's Kafka topics are created.
 *
 * @param partitions        partitions of every topic (at least 1)
 * @param replicationFactor replicas of every topic (at least 1; 1 on a single-node broker)
 * @param eventsRetention   how long {@code noetl.events.raw} and {@code noetl.events} keep records; {@code null}
 *                          keeps them forever (so a replay can rebuild every index)
 */
public record TopicSettings(int partitions, short replicationFactor, Duration eventsRetention) {

    /** Partitions of the embedded default and the production recipe. */
    public static final int DEFAULT_PARTITIONS = 6;

    public TopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("topic partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("topic replication factor must be at least 1, got " + replicationFactor);
        }
        if (eventsRetention != null && (eventsRetention.isNegative() || eventsRetention.isZero())) {
            throw new IllegalArgumentException("events retention must be positive or null (forever), got "
                    + eventsRetention);
        }
    }

    /** The embedded default: 6 partitions, one replica, events kept forever. */
    public static TopicSettings embedded() {
        return new TopicSettings(DEFAULT_PARTITIONS, (short) 1, null);
    }

    /** The production recipe: 6 partitions, three replicas, events kept 7 days. */
    public static TopicSettings production() {
        return new TopicSettings(DEFAULT_PARTITIONS, (short) 3, Duration.ofDays(7));
    }

    public TopicSettings withPartitions(int partitions) {
        return new TopicSettings(partitions, replicationFactor, eventsRetention);
    }

    public TopicSettings withReplicationFactor(short replicationFactor) {
        return new TopicSettings(partitions, replicationFactor, eventsRetention);
    }

    /**
     * The embedded default (one replica, events kept forever) without {@code KAFKA_BOOTSTRAP_SERVERS}; the production
     * recipe (three replicas, events kept 7 days) with it. {@code NOETL_KAFKA_PARTITIONS} and
     * {@code NOETL_KAFKA_REPLICATION} override partitions and replicas.
     *
     * @throws IllegalArgumentException naming the variable whose value is not accepted
     */
    public static TopicSettings fromEnv(Map<String, String> vars) {
        Env env = Env.of(vars);
        TopicSettings settings = env.optional("KAFKA_BOOTSTRAP_SERVERS").isEmpty() ? embedded() : production();
        return new TopicSettings(
                env.integer("NOETL_KAFKA_PARTITIONS", settings.partitions(), 1, Short.MAX_VALUE),
                (short) env.integer("NOETL_KAFKA_REPLICATION", settings.replicationFactor(), 1, Short.MAX_VALUE),
                settings.eventsRetention());
    }
}

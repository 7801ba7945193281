package io.noetl.sink.processor;

import io.noetl.schemas.settings.Env;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How a {@link SinkProcessor} reads and retries.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param batchSize        records that make a batch full (it is written at once); also the most records one poll
 *                         returns, so a batch holds fewer than twice this many
 * @param batchTime        longest time records wait in a batch that is not full
 * @param minBackoff       first wait before writing a refused batch again
 * @param maxBackoff       longest wait between attempts; the wait doubles from {@code minBackoff} up to this
 * @param clientId         Kafka client id (also names the sink's thread)
 */
public record SinkSettings(String bootstrapServers, int batchSize, Duration batchTime, Duration minBackoff,
        Duration maxBackoff, String clientId) {

    public static final int DEFAULT_BATCH_SIZE = 2000;
    public static final Duration DEFAULT_BATCH_TIME = Duration.ofMillis(500);
    public static final Duration DEFAULT_MIN_BACKOFF = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

    public SinkSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("sink: Kafka bootstrap servers must be set");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("sink batch size must be >= 1, got " + batchSize);
        }
        if (batchTime == null || batchTime.isNegative() || batchTime.isZero()) {
            throw new IllegalArgumentException("sink batch time must be positive, got " + batchTime);
        }
        if (minBackoff == null || minBackoff.isNegative() || minBackoff.isZero()) {
            throw new IllegalArgumentException("sink minimum backoff must be positive, got " + minBackoff);
        }
        if (maxBackoff == null || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("sink maximum backoff " + maxBackoff + " is below the minimum "
                    + minBackoff);
        }
        clientId = clientId == null || clientId.isBlank() ? "noetl-sink" : clientId;
    }

    /** Defaults: batches of 2000 records or 500 ms, retries after 100 ms doubling up to 5 s. */
    public static SinkSettings defaults(String bootstrapServers) {
        return new SinkSettings(bootstrapServers, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_TIME, DEFAULT_MIN_BACKOFF,
                DEFAULT_MAX_BACKOFF, "noetl-sink");
    }

    /**
     * The defaults, with {@code NOETL_SINK_BATCH_SIZE} records and {@code NOETL_SINK_BATCH_MS} milliseconds when set.
     *
     * @throws IllegalArgumentException naming the variable whose value is not accepted
     */
    public static SinkSettings fromEnv(Map<String, String> vars, String bootstrapServers) {
        Env env = Env.of(vars);
        return defaults(bootstrapServers).withBatch(
                env.integer("NOETL_SINK_BATCH_SIZE", DEFAULT_BATCH_SIZE, 1, Short.MAX_VALUE),
                Duration.ofMillis(env.integer("NOETL_SINK_BATCH_MS", (int) DEFAULT_BATCH_TIME.toMillis(), 1,
                        Short.MAX_VALUE)));
    }

    public SinkSettings withBatch(int size, Duration time) {
        return new SinkSettings(bootstrapServers, size, time, minBackoff, maxBackoff, clientId);
    }

    public SinkSettings withBackoff(Duration min, Duration max) {
        return new SinkSettings(bootstrapServers, batchSize, batchTime, min, max, clientId);
    }

    public SinkSettings withClientId(String id) {
        return new SinkSettings(bootstrapServers, batchSize, batchTime, minBackoff, maxBackoff, id);
    }

    /** @return the sink consumer's client settings: manual commits, polls of at most one batch, committed reads only */
    Properties consumerProperties(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    /** @return the dead-letter producer's client settings: idempotent, acknowledged by every replica */
    Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-dlq");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}

package io.noetl.connectors.bridge;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Settings of an {@link EventBridge}. Every instance of a deployment should use the same {@code ackWait} and
 * {@code maxAckPending}: they are properties of the shared durable consumer, and the last instance to start wins.
 *
 * @param bootstrapServers Kafka bootstrap servers, e.g. {@code 127.0.0.1:9092}
 * @param fetchBatch       messages asked for per JetStream pull
 * @param pullExpiry       how long one pull waits for its batch to fill (at least 1 s); also bounds how long
 *                         {@link EventBridge#close()} waits for the last pull, and half of it bounds how long a
 *                         write may wait for Kafka metadata
 * @param maxInFlight      messages sent to Kafka and not yet acked; the pulling pauses at this bound
 * @param ackWait          ack wait of the durable consumer: a message unacked for this long is redelivered
 * @param maxAckPending    max unacked messages of the durable consumer, over all instances
 * @param deliveryTimeout  how long Kafka may take to acknowledge a record before the message is nak'ed for a
 *                         later retry; shorter than {@code ackWait}, so a message is settled before JetStream
 *                         would redeliver it
 * @param nakDelay         how long JetStream waits before redelivering a message whose Kafka write failed
 * @param lingerMs         producer {@code linger.ms}
 * @param batchBytes       producer {@code batch.size}
 * @param compression      producer {@code compression.type} ({@code none}, {@code lz4}, {@code zstd}, ...)
 * @param kafkaOverrides   further producer properties (security, client tuning); they win over the above
 */
public record BridgeSettings(
        String bootstrapServers,
        int fetchBatch,
        Duration pullExpiry,
        int maxInFlight,
        Duration ackWait,
        long maxAckPending,
        Duration deliveryTimeout,
        Duration nakDelay,
        int lingerMs,
        int batchBytes,
        String compression,
        Map<String, String> kafkaOverrides) {

    public static final int DEFAULT_FETCH_BATCH = 500;

    public BridgeSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bridge: Kafka bootstrap servers are required");
        }
        positive("fetchBatch", fetchBatch);
        positive("maxInFlight", maxInFlight);
        positive("maxAckPending", maxAckPending);
        positive("batchBytes", batchBytes);
        if (lingerMs < 0) {
            throw new IllegalArgumentException("bridge: lingerMs must be >= 0, got " + lingerMs);
        }
        Objects.requireNonNull(pullExpiry, "pullExpiry");
        Objects.requireNonNull(ackWait, "ackWait");
        Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
        Objects.requireNonNull(nakDelay, "nakDelay");
        Objects.requireNonNull(compression, "compression");
        if (pullExpiry.toMillis() < 1_000) {
            throw new IllegalArgumentException("bridge: pullExpiry must be at least 1 s, got " + pullExpiry);
        }
        if (deliveryTimeout.toMillis() < lingerMs + 1_000L) {
            throw new IllegalArgumentException("bridge: deliveryTimeout must be at least lingerMs + 1 s, got "
                    + deliveryTimeout);
        }
        if (deliveryTimeout.compareTo(ackWait) >= 0) {
            throw new IllegalArgumentException("bridge: deliveryTimeout (" + deliveryTimeout
                    + ") must be shorter than ackWait (" + ackWait + ")");
        }
        if (maxInFlight > maxAckPending) {
            throw new IllegalArgumentException("bridge: maxInFlight (" + maxInFlight
                    + ") must not exceed maxAckPending (" + maxAckPending + ")");
        }
        kafkaOverrides = kafkaOverrides == null ? Map.of() : Map.copyOf(kafkaOverrides);
    }

    /**
     * Defaults tuned for throughput with bounded latency: 20 ms linger and no compression. Measured with the broker
     * on the same machine (bench bridge), larger batches cut the broker's per-request work, and compression
     * cost CPU on both sides (the broker decompresses to validate) for bytes that never cross a network; for a
     * remote cluster, {@code lz4} saves bandwidth.
     */
    public static BridgeSettings defaults(String bootstrapServers) {
        return new BridgeSettings(bootstrapServers, DEFAULT_FETCH_BATCH, Duration.ofSeconds(2), 10_000,
                Duration.ofSeconds(60), 50_000, Duration.ofSeconds(30), Duration.ofSeconds(1), 20, 256 * 1024,
                "none", Map.of());
    }

    public BridgeSettings withFetchBatch(int fetchBatch) {
        return new BridgeSettings(bootstrapServers, fetchBatch, pullExpiry, maxInFlight, ackWait, maxAckPending,
                deliveryTimeout, nakDelay, lingerMs, batchBytes, compression, kafkaOverrides);
    }

    /** Ack wait and Kafka delivery timeout together (the latter must stay below the former). */
    public BridgeSettings withTimeouts(Duration ackWait, Duration deliveryTimeout) {
        return new BridgeSettings(bootstrapServers, fetchBatch, pullExpiry, maxInFlight, ackWait, maxAckPending,
                deliveryTimeout, nakDelay, lingerMs, batchBytes, compression, kafkaOverrides);
    }

    public BridgeSettings withProducerTuning(int lingerMs, int batchBytes, String compression) {
        return new BridgeSettings(bootstrapServers, fetchBatch, pullExpiry, maxInFlight, ackWait, maxAckPending,
                deliveryTimeout, nakDelay, lingerMs, batchBytes, compression, kafkaOverrides);
    }

    public BridgeSettings withKafkaOverrides(Map<String, String> kafkaOverrides) {
        return new BridgeSettings(bootstrapServers, fetchBatch, pullExpiry, maxInFlight, ackWait, maxAckPending,
                deliveryTimeout, nakDelay, lingerMs, batchBytes, compression, kafkaOverrides);
    }

    /** The idempotent producer's properties. */
    Map<String, Object> producerProperties(String clientId) {
        long delivery = deliveryTimeout.toMillis();
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, delivery - lingerMs));
        // send() must not hold the pull for long (the pull is given up after 1.5 expiries without progress) when
        // Kafka has no leader for the topic: the record is nak'ed instead
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(1_000, pullExpiry.toMillis() / 2));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        p.putAll(kafkaOverrides);
        return p;
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("bridge: " + name + " must be at least 1, got " + value);
        }
    }
}

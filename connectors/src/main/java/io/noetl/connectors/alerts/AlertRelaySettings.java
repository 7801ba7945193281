package io.noetl.connectors.alerts;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Settings of an {@link AlertRelay}.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param publishTimeout   how long to wait for JetStream to acknowledge a poll's alerts before retrying them
 * @param kafkaOverrides   further consumer properties (security, client tuning); they win over the defaults
 */
public record AlertRelaySettings(
        String bootstrapServers,
        Duration publishTimeout,
        Map<String, String> kafkaOverrides) {

    public AlertRelaySettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("alert relay: Kafka bootstrap servers are required");
        }
        Objects.requireNonNull(publishTimeout, "publishTimeout");
        if (publishTimeout.isNegative() || publishTimeout.isZero()) {
            throw new IllegalArgumentException("alert relay: publishTimeout must be positive, got " + publishTimeout);
        }
        kafkaOverrides = kafkaOverrides == null ? Map.of() : Map.copyOf(kafkaOverrides);
    }

    /** 10 s for a poll's publish acks. */
    public static AlertRelaySettings defaults(String bootstrapServers) {
        return new AlertRelaySettings(bootstrapServers, Duration.ofSeconds(10), Map.of());
    }

    Map<String, Object> consumerProperties(String groupId, String clientId) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // alerts of an aborted topology transaction are not alerts
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        p.putAll(kafkaOverrides);
        return p;
    }
}

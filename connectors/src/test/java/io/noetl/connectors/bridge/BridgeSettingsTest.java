package io.noetl.connectors.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.noetl.schemas.Names;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BridgeSettingsTest {

    @Test
    void producerIsIdempotentWithAllAcksAndDeliveryTimeoutBelowAckWait() {
        Map<String, Object> p = BridgeSettings.defaults("k:9092").producerProperties("c");
        assertThat(p).containsEntry("enable.idempotence", true).containsEntry("acks", "all")
                .containsEntry("bootstrap.servers", "k:9092").containsEntry("delivery.timeout.ms", 30_000);
        assertThat((int) p.get("request.timeout.ms")).isLessThanOrEqualTo(30_000 - 5);
    }

    @Test
    void overridesWin() {
        Map<String, Object> p = BridgeSettings.defaults("k:9092").withKafkaOverrides(Map.of("linger.ms", "50"))
                .producerProperties("c");
        assertThat(p).containsEntry("linger.ms", "50");
    }

    @Test
    void rejectsADeliveryTimeoutThatOutlivesTheAckWait() {
        assertThatThrownBy(() -> BridgeSettings.defaults("k:9092")
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .hasMessageContaining("deliveryTimeout").hasMessageContaining("ackWait");
    }

    @Test
    void rejectsMissingBootstrapServersAndShortPulls() {
        assertThatThrownBy(() -> BridgeSettings.defaults(" ")).hasMessageContaining("bootstrap");
        assertThatThrownBy(() -> BridgeSettings.defaults("k:9092").withFetchBatch(0)).hasMessageContaining("fetchBatch");
    }

    @Test
    void durableConsumerIsExplicitAckOnTheEventsWildcard() {
        Names names = new Names("p_");
        ConsumerConfiguration c = EventBridge.consumerConfig(names, BridgeSettings.defaults("k:9092"));
        assertThat(c.getDurable()).isEqualTo("p_noetl-bridge");
        assertThat(c.getFilterSubject()).isEqualTo("p_noetl.events.>");
        assertThat(c.getAckPolicy()).isEqualTo(AckPolicy.Explicit);
        assertThat(c.getAckWait()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void executionIdIsTheSubjectsLastToken() {
        assertThat(EventBridge.executionId("p_noetl.events.01JABC")).isEqualTo("01JABC");
        assertThat(EventBridge.executionId("noetl.events.X")).isEqualTo("X");
    }
}

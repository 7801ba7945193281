package io.noetl.connectors.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.client.api.StreamInfo;
import io.noetl.connectors.Fixtures;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.stream.Alert;
import io.noetl.testkit.KafkaTestBroker;
import io.noetl.testkit.NatsTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AlertRelayIT {

    private final Names names = Fixtures.uniqueNames();
    private final String kafka = KafkaTestBroker.shared().bootstrapServers();
    private Connection nc;

    @BeforeEach
    void setUp() throws Exception {
        nc = Nats.connect(NatsTestServer.shared().url());
        Fixtures.createTopics(kafka, names);
    }

    @AfterEach
    void tearDown() throws Exception {
        nc.jetStreamManagement().deleteStream(names.alertsStream());
        nc.close();
    }

    @Test
    @DisplayName("an alert on Kafka reaches a live subscriber of noetl.alerts.critical unchanged; offsets are committed")
    void relaysACriticalAlertAndCommits() throws Exception {
        Alert alert = new Alert(Ulid.next(), Alert.LATENCY_SPIKE, Alert.CRITICAL, "orders/load", "orders", "load",
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:01:00Z"), 950, 120, 0.97,
                "p95 latency 950 ms, expected 120 ms", List.of(Ulid.next()), null, Instant.now());
        byte[] body = Json.bytes(alert);
        Subscription critical = nc.subscribe(names.alerts(Alert.CRITICAL));
        nc.flush(Duration.ofSeconds(2));
        try (AlertRelay relay = AlertRelay.start(nc, names, AlertRelaySettings.defaults(kafka))) {
            produce(alert.key(), body);

            Message received = critical.nextMessage(Duration.ofSeconds(30));
            assertThat(received).isNotNull();
            assertThat(received.getData()).isEqualTo(body);
            assertThat(received.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo(alert.alertId());
            await().atMost(Duration.ofSeconds(20)).until(() -> committed() == 1);
            assertThat(relay.relayed()).isEqualTo(1);
        }
        StreamInfo stream = nc.jetStreamManagement().getStreamInfo(names.alertsStream());
        assertThat(stream.getConfiguration().getMaxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(stream.getStreamState().getMsgCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("an alert without a valid severity is published under warning, never dropped")
    void alertWithoutSeverityGoesToWarning() throws Exception {
        byte[] noSeverity = "{\"alert_id\":\"a-1\",\"type\":\"latency_spike\"}".getBytes(StandardCharsets.UTF_8);
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        Subscription warning = nc.subscribe(names.alerts(Alert.WARNING));
        nc.flush(Duration.ofSeconds(2));
        try (AlertRelay relay = AlertRelay.start(nc, names, AlertRelaySettings.defaults(kafka))) {
            produce("k", noSeverity);
            produce("k", notJson);

            Message first = warning.nextMessage(Duration.ofSeconds(30));
            Message second = warning.nextMessage(Duration.ofSeconds(10));
            assertThat(first.getData()).isEqualTo(noSeverity);
            assertThat(first.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo("a-1");
            assertThat(second.getData()).isEqualTo(notJson);
            assertThat(second.getHeaders().getFirst("Nats-Msg-Id")).startsWith(names.alertsTopic() + "-");
            await().atMost(Duration.ofSeconds(20)).until(() -> committed() == 2);
        }
    }

    private void produce(String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(names.alertsTopic(), key, value)).get();
        }
    }

    private long committed() throws Exception {
        try (Admin admin = Fixtures.admin(kafka)) {
            Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(AlertRelay.groupId(names))
                    .partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        }
    }
}

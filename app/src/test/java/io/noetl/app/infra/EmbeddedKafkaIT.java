package io.noetl.app.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.embedded.LoopbackPorts;
import io.noetl.embedded.kafka.KafkaProbe;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    @TempDir
    Path dir;

    private Map<String, String> env(int port) {
        return Map.of("NOETL_DATA_DIR", dir.toString(), "NOETL_KAFKA_PORT", String.valueOf(port),
                "NOETL_KAFKA_CONTROLLER_PORT", String.valueOf(LoopbackPorts.free()));
    }

    @Test
    @DisplayName("a private broker keeps its topics and records under the data dir across a restart")
    void privateBrokerKeepsTopicsAcrossRestart() throws Exception {
        Map<String, String> env = env(LoopbackPorts.free());
        try (EmbeddedKafka kafka = EmbeddedKafka.ensure(env)) {
            assertThat(kafka.owned()).isTrue();
            assertThat(kafka.dataDir()).isEqualTo(dir.resolve("kafka"));
            try (Admin admin = KafkaProbe.admin(kafka.bootstrapServers(), Duration.ofSeconds(10))) {
                admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get();
            }
            produce(kafka.bootstrapServers(), "kept", 10);
        }
        assertThat(Files.isDirectory(dir.resolve("kafka/data"))).isTrue();

        try (EmbeddedKafka again = EmbeddedKafka.ensure(env)) {
            assertThat(again.owned()).isTrue();
            try (Admin admin = KafkaProbe.admin(again.bootstrapServers(), Duration.ofSeconds(10))) {
                assertThat(admin.listTopics().names().get()).contains("kept");
            }
            assertThat(readAll(again.bootstrapServers(), "kept", 10)).hasSize(10);
        }
        assertThat(KafkaProbe.answers("127.0.0.1:" + env.get("NOETL_KAFKA_PORT"), Duration.ofMillis(500))).isFalse();
    }

    @Test
    @DisplayName("with KAFKA_BOOTSTRAP_SERVERS set no broker is started")
    void configuredClusterStartsNothing() {
        try (EmbeddedKafka kafka = EmbeddedKafka.ensure(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092",
                "NOETL_DATA_DIR", dir.toString()))) {
            assertThat(kafka.owned()).isFalse();
            assertThat(kafka.bootstrapServers()).isEqualTo("kafka.example:9092");
        }
        assertThat(Files.exists(dir.resolve("kafka"))).isFalse();
    }

    @Test
    @DisplayName("a port taken by something that is not Kafka fails naming NOETL_KAFKA_PORT")
    void busyPortFailsNamingTheVariable() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafka.ensure(env(squatter.getLocalPort())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("NOETL_KAFKA_PORT").hasMessageContaining(String.valueOf(squatter.getLocalPort()));
        }
    }

    @Test
    void malformedPortIsRejectedByName() {
        assertThatThrownBy(() -> EmbeddedKafka.ensure(Map.of("NOETL_KAFKA_PORT", "ninety", "NOETL_DATA_DIR", dir.toString())))
                .hasMessageContaining("NOETL_KAFKA_PORT").hasMessageContaining("ninety");
    }

    private static void produce(String bootstrap, String topic, int count) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
            }
        }
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}

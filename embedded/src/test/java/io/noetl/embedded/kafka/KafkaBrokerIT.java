package io.noetl.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.embedded.LoopbackPorts;
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

class KafkaBrokerIT {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a broker formats its folder once and keeps its topics and records across a stop and a start, and"
            + " across a new open of its folder")
    void keepsTopicsAndRecordsAcrossARestart() throws Exception {
        int[] ports = LoopbackPorts.freeBlock(2);
        try (KafkaBroker broker = KafkaBroker.open(dir.resolve("kafka"), ports[0], ports[1], "512m")) {
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + ports[0]);
            assertThat(broker.lastStartTime()).isPositive();
            try (Admin admin = KafkaProbe.admin(broker.bootstrapServers(), Duration.ofSeconds(10))) {
                admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get();
            }
            produce(broker.bootstrapServers(), "kept", 10);
            assertThat(Files.exists(dir.resolve("kafka/data/meta.properties"))).isTrue();
            assertThat(Files.size(dir.resolve("kafka/broker.log"))).isPositive();

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(KafkaProbe.answers(broker.bootstrapServers(), Duration.ofMillis(500))).isFalse();

            broker.launch();
            assertKeptTopicAndRecords(broker.bootstrapServers());
        }
        assertThat(KafkaProbe.answers("127.0.0.1:" + ports[0], Duration.ofMillis(500))).isFalse();

        try (KafkaBroker reopened = KafkaBroker.open(dir.resolve("kafka"), ports[0], ports[1], "512m")) {
            assertKeptTopicAndRecords(reopened.bootstrapServers());
        }
    }

    private static void assertKeptTopicAndRecords(String bootstrap) throws Exception {
        try (Admin admin = KafkaProbe.admin(bootstrap, Duration.ofSeconds(10))) {
            assertThat(admin.listTopics().names().get()).contains("kept");
        }
        assertThat(readAll(bootstrap, "kept", 10)).hasSize(10);
    }

    @Test
    @DisplayName("a broker that cannot start fails with the end of its log")
    void failedStartQuotesTheBrokerLog() throws Exception {
        int brokerPort = LoopbackPorts.free();
        try (ServerSocket controller = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> KafkaBroker.open(dir, brokerPort, controller.getLocalPort(), "256m"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dir.resolve("broker.log").toString())
                    .hasMessageContaining("last lines");
        }
        assertThat(KafkaProbe.answers("127.0.0.1:" + brokerPort, Duration.ofMillis(500))).isFalse();
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

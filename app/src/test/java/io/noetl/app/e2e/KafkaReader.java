package io.noetl.app.e2e;

import io.noetl.schemas.Json;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads whole topics as committed (read_committed), for assertions on what the stream side produced. */
final class KafkaReader {

    private final String bootstrap;

    KafkaReader(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Waits until {@code topic} holds at least {@code records} committed records. */
    void awaitRecords(String topic, long records, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                List<TopicPartition> partitions = partitions(consumer, topic);
                if (!partitions.isEmpty()
                        && consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum() >= records) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(topic + " did not reach " + records + " records within " + timeout);
    }

    /** Every committed record of {@code topic}, the latest value per {@code key}. */
    <T> Map<String, T> latest(String topic, Class<T> type, Function<T, String> key) {
        Map<String, T> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null) {
                        T value = Json.read(r.value(), type);
                        latest.put(key.apply(value), value);
                    }
                }
            }
        }
        return latest;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}

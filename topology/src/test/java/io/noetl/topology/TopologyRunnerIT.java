package io.noetl.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.testkit.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyRunnerIT {

    private static final int EXECUTIONS = 40;

    @TempDir
    Path stateDir;

    @Test
    @DisplayName("raw events become normalized events and traces; after a restart mid-stream with redeliveries every event is counted once")
    void exactlyOnceAcrossARestart() throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        Names names = new Names("t" + ThreadLocalRandom.current().nextInt(1_000_000) + "_");
        TopologyConfig cfg = TopologyConfig.defaults(names);
        createTopics(broker.bootstrapServers(), names);

        List<Scenario> runs = new ArrayList<>();
        for (int i = 0; i < EXECUTIONS; i++) {
            Scenario s = new Scenario("it/p" + (i % 4), Instant.now()).started().step("extract", 1);
            runs.add(i % 5 == 0 ? s.failedStep("load", ErrorInfo.fatal("HttpError", "HTTP 503 from host-" + i))
                    : s.retriedStep("load", ErrorInfo.retriable("Timeout", "timed out after " + i + "s")).completed());
        }
        List<Event> firstHalf = new ArrayList<>();
        List<Event> secondHalf = new ArrayList<>();
        for (Scenario s : runs) {
            List<Event> events = s.events();
            firstHalf.addAll(events.subList(0, events.size() / 2));
            secondHalf.addAll(events.subList(events.size() / 2, events.size()));
        }
        Properties props = StreamsSettings.properties(broker.bootstrapServers(), cfg, stateDir, null);
        try (KafkaProducer<String, byte[]> producer = producer(broker.bootstrapServers())) {
            send(producer, names, firstHalf);
            try (TopologyRunner runner = new TopologyRunner(cfg, props).start(Duration.ofSeconds(60))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> !latestTraces(broker, names, false).isEmpty());
            } // stopped while executions are half done
            send(producer, names, firstHalf.subList(0, firstHalf.size() / 3)); // redelivered
            send(producer, names, secondHalf);
        }
        Map<String, Long> expectedCounts = new HashMap<>();
        runs.forEach(s -> expectedCounts.put(s.executionId, (long) s.events().size()));
        try (TopologyRunner runner = new TopologyRunner(cfg, props).start(Duration.ofSeconds(60))) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Map<String, ExecutionTrace> traces = latestTraces(broker, names, true);
                assertThat(traces).hasSize(EXECUTIONS);
                traces.forEach((id, t) -> assertThat(t.eventCount()).as(id).isEqualTo(expectedCounts.get(id)));
            });
        }
        Map<String, ExecutionTrace> traces = latestTraces(broker, names, true);
        assertThat(traces.values()).filteredOn(t -> t.status().equals("FAILED")).hasSize(EXECUTIONS / 5)
                .allSatisfy(t -> assertThat(t.failedStep()).isEqualTo("load"));
        assertThat(traces.values()).filteredOn(t -> t.status().equals("COMPLETED")).hasSize(EXECUTIONS * 4 / 5);
        int distinct = firstHalf.size() + secondHalf.size();
        assertThat(countRecords(broker, names.eventsTopic())).as("normalized events, read committed")
                .isEqualTo(distinct);
    }

    private static void createTopics(String bootstrap, Names names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String t : List.of(names.rawEventsTopic(), names.eventsTopic(), names.deadLetterTopic(),
                    names.stepMetricsTopic(), names.alertsTopic())) {
                topics.add(new NewTopic(t, 3, (short) 1));
            }
            topics.add(new NewTopic(names.tracesTopic(), 3, (short) 1).configs(Map.of("cleanup.policy", "compact")));
            admin.createTopics(topics).all().get();
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, Names names, List<Event> events) {
        for (Event e : events) {
            producer.send(new ProducerRecord<>(names.rawEventsTopic(), e.executionId(), Json.bytes(e)));
        }
        producer.flush();
    }

    private static Map<String, ExecutionTrace> latestTraces(KafkaTestBroker broker, Names names, boolean all) {
        Map<String, ExecutionTrace> latest = new HashMap<>();
        for (ConsumerRecord<String, String> r : readAll(broker, names.tracesTopic())) {
            latest.put(r.key(), Json.read(r.value().getBytes(StandardCharsets.UTF_8), ExecutionTrace.class));
        }
        return latest;
    }

    private static int countRecords(KafkaTestBroker broker, String topic) {
        return readAll(broker, topic).size();
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaTestBroker broker, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            var partitions = c.partitionsFor(topic).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = c.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))
                    && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}

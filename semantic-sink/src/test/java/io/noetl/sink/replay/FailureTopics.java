package io.noetl.sink.replay;

import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.sink.index.StreamFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What a replay reads, on a test broker: topics under a fresh prefix holding error events as the topology writes
 * them.
 */
public final class FailureTopics {

    private FailureTopics() {
    }

    /**
     * Creates the events and traces topics (2 partitions each) under a fresh prefix and writes {@code failures} error
     * events to the events topic, each of an execution of its own.
     *
     * @return the names under the fresh prefix
     */
    public static Names create(String bootstrap, int failures) throws Exception {
        Names names = new Names("r" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(names.eventsTopic(), 2, (short) 1),
                    new NewTopic(names.tracesTopic(), 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < failures; i++) {
                producer.send(new ProducerRecord<>(names.eventsTopic(), ("ex-" + i).getBytes(StandardCharsets.UTF_8),
                        Json.bytes(StreamFixtures.error("ev-" + i, "ex-" + i, "load",
                                "connection refused to db-" + i))));
            }
        }
        return names;
    }
}

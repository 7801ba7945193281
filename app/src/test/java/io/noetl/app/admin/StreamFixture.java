package io.noetl.app.admin;

import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Topics under a fresh prefix on a test broker, holding normalized error events as the topology writes them. */
public final class StreamFixture {

    private StreamFixture() {
    }

    /** @return names under a fresh prefix */
    public static Names freshNames() {
        return new Names("r" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_");
    }

    /** Creates the events and traces topics (2 partitions) and writes {@code failures} error events. */
    public static void failures(String bootstrap, Names names, int failures) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(names.eventsTopic(), 2, (short) 1),
                    new NewTopic(names.tracesTopic(), 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < failures; i++) {
                producer.send(new ProducerRecord<>(names.eventsTopic(), ("ex-" + i).getBytes(StandardCharsets.UTF_8),
                        Json.bytes(failure("ev-" + i, "ex-" + i))));
            }
        }
    }

    private static NormalizedEvent failure(String eventId, String executionId) {
        Instant t = Instant.now();
        return new NormalizedEvent(eventId, executionId, null, null, "cmd-" + eventId, "demo/etl", 1, "load", "http",
                "call.error", Kinds.ERROR, "FAILED", t, t, 120L, 1, "w1", null,
                ErrorInfo.retriable("HttpError", "connection refused to db-" + eventId), null, null, "connection",
                "tpl-load", "connection refused to <*>", null);
    }
}

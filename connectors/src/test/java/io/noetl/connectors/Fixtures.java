package io.noetl.connectors;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.noetl.connectors.kafka.KafkaTopics;
import io.noetl.connectors.kafka.TopicSettings;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.Subjects;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the connector ITs share: unique names, the events stream, realistic events, reading a topic back. */
public final class Fixtures {

    private static final List<String> TYPES = List.of(EventTypes.COMMAND_ISSUED, EventTypes.COMMAND_STARTED,
            EventTypes.CALL_DONE, EventTypes.STEP_EXIT);

    private Fixtures() {
    }

    /** One published event. */
    public record Published(String eventId, String executionId, String eventType, byte[] bytes) {
    }

    public static Names uniqueNames() {
        return new Names("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_");
    }

    public static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    public static void createTopics(String bootstrap, Names names) {
        try (Admin admin = admin(bootstrap)) {
            KafkaTopics.ensure(admin, names, TopicSettings.embedded());
        }
    }

    /** The events stream as the server creates it. */
    public static void createEventsStream(Connection nc, Names names) throws IOException, JetStreamApiException {
        JetStreamManagement jsm = nc.jetStreamManagement();
        jsm.addStream(StreamConfiguration.builder()
                .name(names.eventsStream())
                .subjects(names.eventsWildcard())
                .retentionPolicy(RetentionPolicy.Limits)
                .storageType(StorageType.File)
                .duplicateWindow(Duration.ofMinutes(2))
                .build());
    }

    /** {@code count} events over {@code executions} executions, interleaved as concurrent executions are. */
    public static List<Published> events(int count, int executions) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < executions; i++) {
            ids.add(Ulid.next());
        }
        List<Published> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String execution = ids.get(i % executions);
            String type = TYPES.get((i / executions) % TYPES.size());
            Event event = Event.builder(type, execution)
                    .commandId(Ulid.next())
                    .playbookPath("examples/orders/daily_load")
                    .playbookVersion(3)
                    .step("load_step_" + (i % 7))
                    .toolKind("python")
                    .status("RUNNING")
                    .attempt(1)
                    .durationMs((long) (i % 500))
                    .workerId("worker-" + (i % 4))
                    .result(Json.toTree(Map.of("rows", i, "table", "orders_staging", "ok", true)))
                    .meta(Map.of("index", i))
                    .build();
            out.add(new Published(event.eventId(), execution, type, Json.bytes(event)));
        }
        return out;
    }

    /** Publishes in order, with the event type header and the event id as {@code Nats-Msg-Id}; waits for the acks. */
    public static void publish(Connection nc, Names names, List<Published> events) throws Exception {
        JetStream js = nc.jetStream();
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
        for (Published p : events) {
            Headers headers = new Headers().put(Subjects.EVENT_TYPE_HEADER, p.eventType());
            acks.add(js.publishAsync(names.events(p.executionId()), headers, p.bytes(),
                    PublishOptions.builder().messageId(p.eventId()).build()));
            if (acks.size() >= 2_000) {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                acks.clear();
            }
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    public static String eventId(ConsumerRecord<String, byte[]> record) {
        return Json.tree(record.value()).get("event_id").asText();
    }

    public static Set<String> distinctEventIds(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(eventId(r)));
        return ids;
    }

    /** Reads {@code topic} from the beginning until {@code distinct} different event ids came or {@code timeout} passed. */
    public static List<ConsumerRecord<String, byte[]>> readTopic(String bootstrap, String topic, int distinct,
                                                                 Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            Set<String> seen = new HashSet<>();
            while (seen.size() < distinct && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(r);
                    seen.add(eventId(r));
                }
            }
            // a short extra poll shows duplicates that arrive just after the count was reached
            consumer.poll(Duration.ofMillis(300)).forEach(out::add);
        }
        return out;
    }
}

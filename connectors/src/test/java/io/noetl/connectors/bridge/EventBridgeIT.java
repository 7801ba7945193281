package io.noetl.connectors.bridge;

import static io.noetl.connectors.Fixtures.distinctEventIds;
import static io.noetl.connectors.Fixtures.eventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.noetl.connectors.Fixtures;
import io.noetl.connectors.Fixtures.Published;
import io.noetl.schemas.Names;
import io.noetl.schemas.Subjects;
import io.noetl.testkit.KafkaTestBroker;
import io.noetl.testkit.NatsTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventBridgeIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    private final Names names = Fixtures.uniqueNames();
    private final String kafka = KafkaTestBroker.shared().bootstrapServers();
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private Connection nc;

    @BeforeEach
    void setUp() throws Exception {
        nc = Nats.connect(NatsTestServer.shared().url());
        Fixtures.createEventsStream(nc, names);
        Fixtures.createTopics(kafka, names);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
        nc.jetStreamManagement().deleteStream(names.eventsStream());
        nc.close();
    }

    private Connection connect() throws Exception {
        Connection c = Nats.connect(NatsTestServer.shared().url());
        cleanup.add(c);
        return c;
    }

    private EventBridge bridge(Connection c, BridgeSettings settings) {
        EventBridge bridge = EventBridge.start(c, names, settings);
        cleanup.add(bridge);
        return bridge;
    }

    @Test
    @DisplayName("every event arrives in Kafka once, keyed by execution id, bytes unchanged, in order per execution")
    void bridgesEventsUnchangedKeyedAndOrdered() throws Exception {
        List<Published> events = Fixtures.events(3_000, 40);
        EventBridge bridge = bridge(nc, BridgeSettings.defaults(kafka));
        Fixtures.publish(nc, names, events);

        List<ConsumerRecord<String, byte[]>> records = Fixtures.readTopic(kafka, names.rawEventsTopic(), events.size(), ARRIVAL);

        assertThat(records).hasSize(events.size());
        Map<String, Published> byId = new HashMap<>();
        events.forEach(p -> byId.put(p.eventId(), p));
        Map<String, List<String>> kafkaOrder = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            Published p = byId.get(eventId(r));
            assertThat(r.key()).isEqualTo(p.executionId());
            assertThat(r.value()).isEqualTo(p.bytes());
            assertThat(header(r, Subjects.EVENT_TYPE_HEADER)).isEqualTo(p.eventType());
            assertThat(Long.parseLong(header(r, EventBridge.STREAM_SEQUENCE_HEADER))).isPositive();
            kafkaOrder.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(p.eventId());
        }
        Map<String, List<String>> publishOrder = new LinkedHashMap<>();
        events.forEach(p -> publishOrder.computeIfAbsent(p.executionId(), k -> new ArrayList<>()).add(p.eventId()));
        assertThat(kafkaOrder).isEqualTo(publishOrder);
        await().atMost(Duration.ofSeconds(10)).until(() -> bridge.bridged() == events.size());
        assertThat(bridge.failed()).isZero();
        assertThat(nc.jetStreamManagement().getConsumerInfo(names.eventsStream(), names.bridgeConsumer())
                .getNumAckPending()).isZero();
    }

    @Test
    @DisplayName("when a bridge dies mid-stream, another one bridges the rest; only unacked messages may repeat")
    void anotherInstanceTakesOverAfterACrash() throws Exception {
        List<Published> events = Fixtures.events(6_000, 60);
        // short ack wait: what the dead instance held comes back quickly
        BridgeSettings settings = BridgeSettings.defaults(kafka)
                .withTimeouts(Duration.ofSeconds(8), Duration.ofSeconds(6));
        Connection first = connect();
        EventBridge dying = bridge(first, settings);
        Thread publisher = Thread.ofVirtual().start(() -> {
            try {
                Fixtures.publish(nc, names, events);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(ARRIVAL).until(() -> dying.bridged() >= 1_000);
        first.close(); // the instance loses NATS at once: nothing more of it is acked
        long ackedByDead = dying.bridged();
        publisher.join();

        EventBridge survivor = bridge(connect(), settings);
        List<ConsumerRecord<String, byte[]>> records = Fixtures.readTopic(kafka, names.rawEventsTopic(), events.size(), ARRIVAL);

        assertThat(distinctEventIds(records)).hasSize(events.size());
        assertThat(records.size() - events.size()).isLessThanOrEqualTo((int) (events.size() - ackedByDead));
        assertThat(ackedByDead).isLessThan(events.size());
        await().atMost(Duration.ofSeconds(20)).until(() -> survivor.bridged() >= events.size() - ackedByDead);
    }

    @Test
    @DisplayName("two instances at once share the durable consumer and together bridge every event")
    void twoInstancesShareTheWork() throws Exception {
        List<Published> events = Fixtures.events(6_000, 50);
        BridgeSettings settings = BridgeSettings.defaults(kafka).withFetchBatch(100);
        EventBridge one = bridge(connect(), settings);
        EventBridge two = bridge(connect(), settings);
        Fixtures.publish(nc, names, events);

        List<ConsumerRecord<String, byte[]>> records = Fixtures.readTopic(kafka, names.rawEventsTopic(), events.size(), ARRIVAL);

        assertThat(distinctEventIds(records)).hasSize(events.size());
        await().atMost(Duration.ofSeconds(10)).until(() -> one.bridged() + two.bridged() >= events.size());
        assertThat(one.bridged()).isPositive();
        assertThat(two.bridged()).isPositive();
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}

package io.noetl.connectors.bridge;

import static io.noetl.connectors.Fixtures.distinctEventIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.noetl.connectors.Fixtures;
import io.noetl.connectors.Fixtures.Published;
import io.noetl.schemas.Names;
import io.noetl.testkit.KafkaTestBroker;
import io.noetl.testkit.NatsTestServer;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KafkaOutageIT {

    @Test
    @DisplayName("while Kafka is down nothing is acked; after it is back every event arrives")
    void nothingAckedWhileKafkaIsDownEverythingArrivesAfter() throws Exception {
        Names names = Fixtures.uniqueNames();
        List<Published> events = Fixtures.events(4_000, 40);
        List<Published> before = events.subList(0, 2_000);
        List<Published> during = events.subList(2_000, events.size());
        try (KafkaTestBroker broker = KafkaTestBroker.start();
             Connection nc = Nats.connect(NatsTestServer.shared().url())) {
            Fixtures.createEventsStream(nc, names);
            Fixtures.createTopics(broker.bootstrapServers(), names);
            BridgeSettings settings = BridgeSettings.defaults(broker.bootstrapServers())
                    .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(45));
            try (EventBridge bridge = EventBridge.start(nc, names, settings)) {
                Fixtures.publish(nc, names, before);
                await().atMost(Duration.ofSeconds(60)).until(() -> bridge.bridged() == before.size());

                broker.stop();
                Fixtures.publish(nc, names, during);
                long ackFloor = ackFloor(nc, names);
                long bridged = bridge.bridged();
                Thread.sleep(10_000);
                assertThat(bridge.bridged()).isEqualTo(bridged);
                assertThat(ackFloor(nc, names)).isEqualTo(ackFloor);
                assertThat(pending(nc, names)).isEqualTo(during.size());

                broker.launch();
                List<ConsumerRecord<String, byte[]>> records = Fixtures.readTopic(broker.bootstrapServers(),
                        names.rawEventsTopic(), events.size(), Duration.ofSeconds(90));
                assertThat(distinctEventIds(records)).hasSize(events.size());
                await().atMost(Duration.ofSeconds(30)).until(() -> pending(nc, names) == 0);
            } finally {
                nc.jetStreamManagement().deleteStream(names.eventsStream());
            }
        }
    }

    private static long ackFloor(Connection nc, Names names) throws Exception {
        return nc.jetStreamManagement().getConsumerInfo(names.eventsStream(), names.bridgeConsumer())
                .getAckFloor().getStreamSequence();
    }

    /** Messages not acked yet: delivered and pending an ack, or not delivered yet. */
    private static long pending(Connection nc, Names names) throws Exception {
        var info = nc.jetStreamManagement().getConsumerInfo(names.eventsStream(), names.bridgeConsumer());
        return info.getNumAckPending() + info.getNumPending();
    }
}

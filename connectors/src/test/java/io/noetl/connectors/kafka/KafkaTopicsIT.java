package io.noetl.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.connectors.Fixtures;
import io.noetl.schemas.Names;
import io.noetl.testkit.KafkaTestBroker;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KafkaTopicsIT {

    private final String kafka = KafkaTestBroker.shared().bootstrapServers();

    @Test
    @DisplayName("creates the seven topics with their partitions and configs, and a second run changes nothing")
    void createsTopicsOnceWithTheirConfigs() throws Exception {
        Names names = Fixtures.uniqueNames();
        try (Admin admin = Fixtures.admin(kafka)) {
            KafkaTopics.Report first = KafkaTopics.ensure(admin, names, TopicSettings.embedded());
            assertThat(first.created()).containsExactlyInAnyOrder(names.rawEventsTopic(), names.eventsTopic(),
                    names.deadLetterTopic(), names.tracesTopic(), names.stepMetricsTopic(), names.alertsTopic(),
                    names.sinkDeadLetterTopic());
            assertThat(admin.describeTopics(List.of(names.rawEventsTopic())).allTopicNames().get()
                    .get(names.rawEventsTopic()).partitions()).hasSize(6);
            assertThat(config(admin, names.tracesTopic()).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config(admin, names.rawEventsTopic()).get("retention.ms").value()).isEqualTo("-1");
            assertThat(config(admin, names.eventsTopic()).get("retention.ms").value()).isEqualTo("-1");

            KafkaTopics.Report second = KafkaTopics.ensure(admin, names, TopicSettings.embedded());
            assertThat(second.created()).isEmpty();
            assertThat(second.existing()).hasSize(7);
            assertThat(second.problems()).isEmpty();
        }
    }

    @Test
    @DisplayName("production settings keep events 7 days")
    void productionKeepsEventsSevenDays() throws Exception {
        Names names = Fixtures.uniqueNames();
        try (Admin admin = Fixtures.admin(kafka)) {
            KafkaTopics.ensure(admin, names, TopicSettings.production().withReplicationFactor((short) 1));
            assertThat(config(admin, names.rawEventsTopic()).get("retention.ms").value()).isEqualTo("604800000");
        }
    }

    @Test
    @DisplayName("an existing topic with fewer partitions is kept and reported by name")
    void reportsATopicWithFewerPartitions() throws Exception {
        Names names = Fixtures.uniqueNames();
        try (Admin admin = Fixtures.admin(kafka)) {
            admin.createTopics(List.of(new NewTopic(names.alertsTopic(), 2, (short) 1))).all().get();
            KafkaTopics.Report report = KafkaTopics.ensure(admin, names, TopicSettings.embedded());
            assertThat(report.created()).hasSize(5).doesNotContain(names.alertsTopic());
            assertThat(report.problems()).singleElement().asString()
                    .contains(names.alertsTopic()).contains("2 partitions").contains("6");
        }
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(resource)).all().get();
        return configs.get(resource);
    }
}

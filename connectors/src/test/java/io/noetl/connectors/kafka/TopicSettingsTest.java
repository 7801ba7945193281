package io.noetl.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.schemas.Names;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSettingsTest {

    @Test
    void embeddedKeepsEventsForeverOnOneReplica() {
        TopicSettings s = TopicSettings.embedded();
        assertThat(s.partitions()).isEqualTo(6);
        assertThat(s.replicationFactor()).isEqualTo((short) 1);
        assertThat(s.eventsRetention()).isNull();
    }

    @Test
    void productionKeepsEventsSevenDays() {
        assertThat(KafkaTopics.specs(new Names(""), TopicSettings.production()).get("noetl.events"))
                .containsEntry("retention.ms", String.valueOf(Duration.ofDays(7).toMillis()));
    }

    @Test
    void rejectsNonPositivePartitionsAndReplication() {
        assertThatThrownBy(() -> new TopicSettings(0, (short) 1, null)).hasMessageContaining("partitions");
        assertThatThrownBy(() -> new TopicSettings(6, (short) 0, null)).hasMessageContaining("replication");
        assertThatThrownBy(() -> new TopicSettings(6, (short) 1, Duration.ZERO)).hasMessageContaining("retention");
    }

    @Test
    void specsNameTheSevenTopicsWithTracesCompactedAndEventsRetained() {
        Names names = new Names("p_");
        Map<String, Map<String, String>> specs = KafkaTopics.specs(names, TopicSettings.embedded());
        assertThat(specs).containsOnlyKeys("p_noetl.events.raw", "p_noetl.events", "p_noetl.events.dlq",
                "p_noetl.traces", "p_noetl.metrics.step", "p_noetl.alerts", "p_noetl.sink.dlq");
        assertThat(specs.get("p_noetl.traces")).containsEntry("cleanup.policy", "compact");
        assertThat(specs.get("p_noetl.events.raw")).containsEntry("retention.ms", "-1");
        assertThat(specs.get("p_noetl.events")).containsEntry("retention.ms", "-1");
        assertThat(specs.get("p_noetl.alerts")).isEmpty();
    }

    @Test
    void embeddedDefaultWithoutAConfiguredCluster() {
        assertThat(TopicSettings.fromEnv(Map.of())).isEqualTo(TopicSettings.embedded());
    }

    @Test
    void aConfiguredClusterGetsTheProductionRecipe() {
        TopicSettings s = TopicSettings.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092"));
        assertThat(s.eventsRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(s.replicationFactor()).isEqualTo((short) 3);
    }

    @Test
    void partitionsAndReplicasCanBeOverridden() {
        TopicSettings s = TopicSettings.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "NOETL_KAFKA_PARTITIONS", "12", "NOETL_KAFKA_REPLICATION", "2"));
        assertThat(s.partitions()).isEqualTo(12);
        assertThat(s.replicationFactor()).isEqualTo((short) 2);
    }

    @Test
    void badNumbersAreRejectedByName() {
        assertThatThrownBy(() -> TopicSettings.fromEnv(Map.of("NOETL_KAFKA_PARTITIONS", "0")))
                .hasMessageContaining("NOETL_KAFKA_PARTITIONS");
        assertThatThrownBy(() -> TopicSettings.fromEnv(Map.of("NOETL_KAFKA_REPLICATION", "three")))
                .hasMessageContaining("NOETL_KAFKA_REPLICATION").hasMessageContaining("three");
    }
}

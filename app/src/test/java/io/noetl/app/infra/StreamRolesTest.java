package io.noetl.app.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.connectors.kafka.TopicSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamRolesTest {

    @Test
    void embeddedDefaultKeepsEventsForeverOnOneReplica() {
        assertThat(StreamRoles.topicSettings(Map.of())).isEqualTo(TopicSettings.embedded());
    }

    @Test
    void aConfiguredClusterGetsTheProductionRecipe() {
        TopicSettings s = StreamRoles.topicSettings(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092"));
        assertThat(s.eventsRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(s.replicationFactor()).isEqualTo((short) 3);
    }

    @Test
    void partitionsAndReplicasCanBeOverridden() {
        TopicSettings s = StreamRoles.topicSettings(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "NOETL_KAFKA_PARTITIONS", "12", "NOETL_KAFKA_REPLICATION", "2"));
        assertThat(s.partitions()).isEqualTo(12);
        assertThat(s.replicationFactor()).isEqualTo((short) 2);
    }

    @Test
    void badNumbersAreRejectedByName() {
        assertThatThrownBy(() -> StreamRoles.topicSettings(Map.of("NOETL_KAFKA_PARTITIONS", "0")))
                .hasMessageContaining("NOETL_KAFKA_PARTITIONS");
        assertThatThrownBy(() -> StreamRoles.topicSettings(Map.of("NOETL_KAFKA_REPLICATION", "three")))
                .hasMessageContaining("NOETL_KAFKA_REPLICATION").hasMessageContaining("three");
    }
}

package io.noetl.app.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.embedded.LoopbackPorts;
import io.noetl.embedded.kafka.KafkaProbe;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    @TempDir
    Path dir;

    private Map<String, String> env(int port) {
        return Map.of("NOETL_DATA_DIR", dir.toString(), "NOETL_KAFKA_PORT", String.valueOf(port),
                "NOETL_KAFKA_CONTROLLER_PORT", String.valueOf(LoopbackPorts.free()));
    }

    @Test
    @DisplayName("a private broker runs from <data dir>/kafka, and close stops it leaving its data for the next start")
    void privateBrokerKeepsItsDataUnderTheDataDir() {
        Map<String, String> env = env(LoopbackPorts.free());
        try (EmbeddedKafka kafka = EmbeddedKafka.ensure(env)) {
            assertThat(kafka.owned()).isTrue();
            assertThat(kafka.dataDir()).isEqualTo(dir.resolve("kafka"));
            assertThat(KafkaProbe.answers(kafka.bootstrapServers(), Duration.ofSeconds(5))).isTrue();
        }
        assertThat(Files.isDirectory(dir.resolve("kafka/data"))).isTrue();

        // what a new open of the same folder keeps (topics, records) is KafkaBrokerIT's to show
        try (EmbeddedKafka again = EmbeddedKafka.ensure(env)) {
            assertThat(again.owned()).isTrue();
            assertThat(again.dataDir()).isEqualTo(dir.resolve("kafka"));
        }
        assertThat(KafkaProbe.answers("127.0.0.1:" + env.get("NOETL_KAFKA_PORT"), Duration.ofMillis(500))).isFalse();
    }

    @Test
    @DisplayName("with KAFKA_BOOTSTRAP_SERVERS set no broker is started")
    void configuredClusterStartsNothing() {
        try (EmbeddedKafka kafka = EmbeddedKafka.ensure(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092",
                "NOETL_DATA_DIR", dir.toString()))) {
            assertThat(kafka.owned()).isFalse();
            assertThat(kafka.bootstrapServers()).isEqualTo("kafka.example:9092");
        }
        assertThat(Files.exists(dir.resolve("kafka"))).isFalse();
    }

    @Test
    @DisplayName("a port taken by something that is not Kafka fails naming NOETL_KAFKA_PORT")
    void busyPortFailsNamingTheVariable() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafka.ensure(env(squatter.getLocalPort())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("NOETL_KAFKA_PORT").hasMessageContaining(String.valueOf(squatter.getLocalPort()));
        }
    }

    @Test
    void malformedPortIsRejectedByName() {
        assertThatThrownBy(() -> EmbeddedKafka.ensure(Map.of("NOETL_KAFKA_PORT", "ninety", "NOETL_DATA_DIR", dir.toString())))
                .hasMessageContaining("NOETL_KAFKA_PORT").hasMessageContaining("ninety");
    }
}

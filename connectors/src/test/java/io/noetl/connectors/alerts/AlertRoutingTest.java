package io.noetl.connectors.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class AlertRoutingTest {

    private static ConsumerRecord<byte[], byte[]> record(String value) {
        return new ConsumerRecord<>("noetl.alerts", 3, 42L, null,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsSeverityAndAlertId() {
        AlertRouting r = AlertRouting.of(record("{\"alert_id\":\"A1\",\"severity\":\"critical\"}"));
        assertThat(r).isEqualTo(new AlertRouting("critical", "A1", null));
    }

    @Test
    void unknownSeverityGoesToWarningAndSaysWhy() {
        AlertRouting r = AlertRouting.of(record("{\"alert_id\":\"A1\",\"severity\":\"fatal\"}"));
        assertThat(r.severity()).isEqualTo("warning");
        assertThat(r.problem()).contains("fatal");
    }

    @Test
    void missingIdFallsBackToTopicPartitionOffset() {
        AlertRouting r = AlertRouting.of(record("{\"severity\":\"info\"}"));
        assertThat(r.msgId()).isEqualTo("noetl.alerts-3-42");
        assertThat(r.severity()).isEqualTo("info");
    }

    @Test
    void garbageAndNullGoToWarning() {
        assertThat(AlertRouting.of(record("{oops")).severity()).isEqualTo("warning");
        assertThat(AlertRouting.of(record(null)).problem()).isNotNull();
        assertThat(AlertRouting.of(record("[1]")).problem()).contains("not a JSON object");
    }
}

package io.noetl.connectors.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.stream.Alert;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where an alert record goes on JetStream: its severity (the subject's last token) and its de-duplication id,
 * read from the alert JSON without changing it.
 *
 * @param severity one of {@link Alert#SEVERITIES}; {@code warning} when the record has none or an unknown one
 * @param msgId    the alert's {@code alert_id}, or {@code topic-partition-offset} when it has none
 * @param problem  what was wrong with the record, or null
 */
record AlertRouting(String severity, String msgId, String problem) {

    static AlertRouting of(ConsumerRecord<byte[], byte[]> record) {
        String origin = record.topic() + "-" + record.partition() + "-" + record.offset();
        JsonNode alert;
        try {
            alert = record.value() == null ? null : Json.tree(record.value());
        } catch (RuntimeException e) {
            return new AlertRouting(Alert.WARNING, origin, "not JSON (" + e.getMessage() + ")");
        }
        if (alert == null || !alert.isObject()) {
            return new AlertRouting(Alert.WARNING, origin, "not a JSON object");
        }
        JsonNode id = alert.get("alert_id");
        String msgId = id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : origin;
        JsonNode severity = alert.get("severity");
        if (severity == null || !severity.isTextual()) {
            return new AlertRouting(Alert.WARNING, msgId, "no severity");
        }
        if (!Alert.SEVERITIES.contains(severity.asText())) {
            return new AlertRouting(Alert.WARNING, msgId, "unknown severity '" + severity.asText() + "'");
        }
        return new AlertRouting(severity.asText(), msgId, null);
    }
}

package io.noetl.schemas.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.event.ErrorInfo;
import java.time.Instant;
import java.util.Map;

/**
 * An event on {@code noetl.events}, keyed by execution id (schema: {@code normalized-event.schema.json}):
 * the raw event's fields after validation and bounding, plus its canonical {@link Kinds kind}, the time the
 * topology received it, and for errors the mined template and error class.
 *
 * @param kind          one of {@link Kinds}
 * @param ingestedAt    when the topology read the raw record (Kafka record timestamp)
 * @param errorClass    wire name of the error class ({@code timeout}, {@code connection}, ...), or null without error
 * @param templateId    stable id of the error template, or null without error text
 * @param template      the error template with wildcards ({@code <*>}), or null
 * @param truncated     names of fields cut to their bound (e.g. {@code logs}, {@code result}), or null
 */
public record NormalizedEvent(
        String eventId,
        String executionId,
        String parentExecutionId,
        String parentEventId,
        String commandId,
        String playbookPath,
        Integer playbookVersion,
        String step,
        String toolKind,
        String eventType,
        String kind,
        String status,
        Instant timestamp,
        Instant ingestedAt,
        Long durationMs,
        Integer attempt,
        String workerId,
        JsonNode result,
        ErrorInfo error,
        String logs,
        Map<String, Object> meta,
        String errorClass,
        String templateId,
        String template,
        java.util.List<String> truncated) {
}

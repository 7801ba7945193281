package io.noetl.schemas.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Ulid;
import java.time.Instant;
import java.util.Map;

/**
 * One raw execution event, as published on {@code noetl.events.<execution_id>}
 * (schema: {@code schemas/event.schema.json}). Only {@code event_id}, {@code execution_id},
 * {@code event_type} and {@code timestamp} are always present; the rest may be null.
 *
 * @param eventId           ULID, unique and time-ordered
 * @param executionId       ULID of the execution
 * @param parentExecutionId execution that started this one as a sub-playbook, or null
 * @param parentEventId     event that caused this one (e.g. the command.issued of a call.done), or null
 * @param commandId         command this event belongs to, or null for execution-level events
 * @param playbookPath      playbook identity ({@code metadata.path})
 * @param playbookVersion   catalog version of the playbook
 * @param step              step name, or null for execution-level events
 * @param toolKind          tool kind of the step, or null
 * @param eventType         one of {@link EventTypes}
 * @param status            a {@link io.noetl.schemas.Status} name, or null
 * @param timestamp         when it happened (producer's clock)
 * @param durationMs        duration of what ended with this event, or null
 * @param attempt           1-based attempt number of the command, or null
 * @param workerId          worker that produced it, or null for the server
 * @param result            step/tool result (bounded, redacted), or null
 * @param error             error details (redacted), or null
 * @param logs              captured stdout/stderr (bounded, redacted), or null
 * @param meta              anything else (loop index, http status, decision, truncation marks)
 */
public record Event(
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
        String status,
        Instant timestamp,
        Long durationMs,
        Integer attempt,
        String workerId,
        JsonNode result,
        ErrorInfo error,
        String logs,
        Map<String, Object> meta) {

    /** A builder seeded with a fresh event id and the current time. */
    public static Builder builder(String eventType, String executionId) {
        return new Builder().eventType(eventType).executionId(executionId);
    }

    public Builder toBuilder() {
        return new Builder().eventId(eventId).executionId(executionId).parentExecutionId(parentExecutionId)
                .parentEventId(parentEventId).commandId(commandId).playbookPath(playbookPath)
                .playbookVersion(playbookVersion).step(step).toolKind(toolKind).eventType(eventType)
                .status(status).timestamp(timestamp).durationMs(durationMs).attempt(attempt)
                .workerId(workerId).result(result).error(error).logs(logs).meta(meta);
    }

    /** Fluent builder; unset fields stay null, except the id and timestamp which default to now. */
    public static final class Builder {
        private String eventId = Ulid.next();
        private String executionId;
        private String parentExecutionId;
        private String parentEventId;
        private String commandId;
        private String playbookPath;
        private Integer playbookVersion;
        private String step;
        private String toolKind;
        private String eventType;
        private String status;
        private Instant timestamp = Instant.now();
        private Long durationMs;
        private Integer attempt;
        private String workerId;
        private JsonNode result;
        private ErrorInfo error;
        private String logs;
        private Map<String, Object> meta;

        public Builder eventId(String v) { this.eventId = v; return this; }
        public Builder executionId(String v) { this.executionId = v; return this; }
        public Builder parentExecutionId(String v) { this.parentExecutionId = v; return this; }
        public Builder parentEventId(String v) { this.parentEventId = v; return this; }
        public Builder commandId(String v) { this.commandId = v; return this; }
        public Builder playbookPath(String v) { this.playbookPath = v; return this; }
        public Builder playbookVersion(Integer v) { this.playbookVersion = v; return this; }
        public Builder step(String v) { this.step = v; return this; }
        public Builder toolKind(String v) { this.toolKind = v; return this; }
        public Builder eventType(String v) { this.eventType = v; return this; }
        public Builder status(String v) { this.status = v; return this; }
        public Builder timestamp(Instant v) { this.timestamp = v; return this; }
        public Builder durationMs(Long v) { this.durationMs = v; return this; }
        public Builder attempt(Integer v) { this.attempt = v; return this; }
        public Builder workerId(String v) { this.workerId = v; return this; }
        public Builder result(JsonNode v) { this.result = v; return this; }
        public Builder error(ErrorInfo v) { this.error = v; return this; }
        public Builder logs(String v) { this.logs = v; return this; }
        public Builder meta(Map<String, Object> v) { this.meta = v; return this; }

        public Event build() {
            return new Event(eventId, executionId, parentExecutionId, parentEventId, commandId, playbookPath,
                    playbookVersion, step, toolKind, eventType, status, timestamp, durationMs, attempt, workerId,
                    result, error, logs, meta);
        }
    }

    /**
     * The JetStream de-duplication id of this event: derived from what it means (command + attempt +
     * type, or execution + step + type for server events), so a re-publish after a crash is absorbed.
     */
    public String natsMsgId() {
        StringBuilder sb = new StringBuilder(executionId).append(':');
        if (commandId != null) {
            sb.append(commandId).append(':').append(attempt == null ? 0 : attempt);
        } else {
            sb.append(step == null ? "-" : step);
        }
        sb.append(':').append(eventType);
        if (meta != null && meta.get("msg_key") != null) {
            sb.append(':').append(meta.get("msg_key"));
        }
        return sb.toString();
    }
}

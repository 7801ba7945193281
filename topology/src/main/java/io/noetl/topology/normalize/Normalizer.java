package io.noetl.topology.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.noetl.schemas.Json;
import io.noetl.schemas.SchemaValidator;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.stream.DeadLetter;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.topology.TopologyConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one raw record into a {@link NormalizedEvent} or a {@link DeadLetter}; pure and thread-safe.
 *
 * <p>Rejected: a null or empty value, a value over {@link TopologyConfig#maxEventBytes()}, malformed JSON (trailing
 * garbage included), and anything {@code event.schema.json} rejects (missing {@code event_id}, {@code execution_id},
 * {@code event_type} or {@code timestamp}, wrong types, unknown enum values). The reason names what is wrong; for
 * schema violations it is the schema validator's own message. The dead letter keeps the original bytes, cut to
 * {@link #MAX_DEAD_LETTER_BYTES} (base64 inflates them by a third and the dead letter must still fit a broker's
 * default 1 MB record limit), with {@code original_size} the real size.
 *
 * <p>Accepted events get: {@code logs}, {@code error.message} and {@code error.stack} cut to
 * {@link TopologyConfig#maxFieldChars()} (named in {@code truncated}); a timestamp more than
 * {@link TopologyConfig#maxClockSkew()} ahead of the ingest time clamped to the ingest time, the difference in
 * {@code meta.clock_skew_ms}; the canonical kind ({@link Kinds#of}); the producer's {@code error.class} moved to
 * {@code error_class} (the template stage classifies the errors that came without one).
 */
public final class Normalizer {

    /** Cap on the original bytes kept in a dead letter. */
    public static final int MAX_DEAD_LETTER_BYTES = 512 * 1024;
    /** Meta key recording how far ahead of the ingest time a clamped timestamp was, in ms. */
    public static final String CLOCK_SKEW_MS = "clock_skew_ms";

    private static final ObjectReader READER =
            Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final TopologyConfig cfg;

    public Normalizer(TopologyConfig cfg) {
        this.cfg = cfg;
    }

    /**
     * Normalizes one record.
     *
     * @param key       raw key bytes (may be null)
     * @param value     raw value bytes (may be null)
     * @param origin    where the record came from, for the dead letter
     * @param ingestMs  the record's timestamp (when it reached Kafka)
     * @param nowMs     processing time, stamped on dead letters
     */
    public NormalizeOutcome normalize(byte[] key, byte[] value, Origin origin, long ingestMs, long nowMs) {
        String rawKey = key == null ? null : new String(key, StandardCharsets.UTF_8);
        try {
            return normalize(rawKey, value, origin, ingestMs, nowMs);
        } catch (RuntimeException e) { // a gap in the checks must cost one record, not the stream thread
            return reject(rawKey, "unexpected " + e.getClass().getSimpleName() + " while normalizing: "
                    + e.getMessage(), value, origin, nowMs);
        }
    }

    private NormalizeOutcome normalize(String rawKey, byte[] value, Origin origin, long ingestMs, long nowMs) {
        if (value == null || value.length == 0) {
            return reject(rawKey, "empty record: no value", value, origin, nowMs);
        }
        if (value.length > cfg.maxEventBytes()) {
            return reject(rawKey, "record of " + value.length + " bytes exceeds the max event bytes of "
                    + cfg.maxEventBytes(), value, origin, nowMs);
        }
        JsonNode tree;
        try {
            tree = READER.readTree(value);
        } catch (JsonProcessingException e) {
            return reject(rawKey, "malformed JSON: " + e.getOriginalMessage(), value, origin, nowMs);
        } catch (IOException e) {
            return reject(rawKey, "malformed JSON: " + e.getMessage(), value, origin, nowMs);
        }
        String problem = tree == null || tree.isMissingNode() ? "empty record: no JSON value" : EventCheck.problem(tree);
        if (problem != null) {
            JsonNode exec = tree == null ? null : tree.get("execution_id");
            String dlqKey = exec != null && exec.isTextual() && EventCheck.isUlid(exec.textValue())
                    ? exec.textValue() : rawKey;
            return reject(dlqKey, schemaReason(tree, problem), value, origin, nowMs);
        }
        Event event = EventTrees.toEvent(tree);
        return new NormalizeOutcome.Accepted(normalized(event, ingestMs), event.executionId().equals(rawKey));
    }

    private NormalizedEvent normalized(Event e, long ingestMs) {
        List<String> truncated = new ArrayList<>(0);
        String logs = cut(e.logs(), "logs", truncated);
        ErrorInfo error = e.error();
        String errorClass = null;
        if (error != null) {
            errorClass = error.errorClass();
            String message = cut(error.message(), "error.message", truncated);
            String stack = cut(error.stack(), "error.stack", truncated);
            if (message != error.message() || stack != error.stack() || errorClass != null) {
                error = new ErrorInfo(error.type(), message, stack, error.retriable());
            }
        }
        Instant ts = e.timestamp();
        Map<String, Object> meta = e.meta();
        long skew = ts.toEpochMilli() - ingestMs;
        if (skew > cfg.maxClockSkew().toMillis()) {
            ts = Instant.ofEpochMilli(ingestMs);
            meta = meta == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta);
            meta.put(CLOCK_SKEW_MS, skew);
        }
        return new NormalizedEvent(e.eventId(), e.executionId(), e.parentExecutionId(), e.parentEventId(),
                e.commandId(), e.playbookPath(), e.playbookVersion(), e.step(), e.toolKind(), e.eventType(),
                Kinds.of(e.eventType()), e.status(), ts, Instant.ofEpochMilli(ingestMs), e.durationMs(), e.attempt(),
                e.workerId(), e.result(), error, logs, meta, errorClass, null, null,
                truncated.isEmpty() ? null : List.copyOf(truncated));
    }

    private String cut(String text, String field, List<String> truncated) {
        if (text == null || text.length() <= cfg.maxFieldChars()) {
            return text;
        }
        truncated.add(field);
        int end = cfg.maxFieldChars();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return text.substring(0, end);
    }

    /** The schema validator's messages (the canonical wording), or the fast check's when it has none. */
    private static String schemaReason(JsonNode tree, String problem) {
        if (tree == null || tree.isMissingNode()) {
            return problem;
        }
        List<String> messages = SchemaValidator.validate(SchemaValidator.EVENT, tree);
        return messages.isEmpty() ? problem : "invalid event: " + String.join("; ", messages);
    }

    private static NormalizeOutcome reject(String key, String reason, byte[] value, Origin origin, long nowMs) {
        byte[] kept = value == null ? new byte[0]
                : value.length > MAX_DEAD_LETTER_BYTES ? Arrays.copyOf(value, MAX_DEAD_LETTER_BYTES) : value;
        return new NormalizeOutcome.Rejected(key, new DeadLetter(reason, origin.topic(), origin.partition(),
                origin.offset(), Instant.ofEpochMilli(nowMs), kept, value == null ? 0 : value.length));
    }

    /** Where a raw record came from. */
    public record Origin(String topic, int partition, long offset) {
    }
}

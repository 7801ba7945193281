package io.noetl.topology.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Status;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.ToolKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A hand-written check of a raw event tree equivalent to {@code event.schema.json}, cheap enough to run on every
 * record (the general validator costs several times the whole normalization). {@code EventCheckParityTest} holds it
 * to the schema on valid and broken events. It is at least as strict: a JSON {@code null} is rejected wherever the
 * schema names a type (as the schema does), and integers must fit the record's Java type.
 */
final class EventCheck {

    private static final Set<String> TOOL_KINDS = Arrays.stream(ToolKind.values()).map(ToolKind::wire)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> STATUSES = Set.of(Status.PENDING.name(), Status.RUNNING.name(),
            Status.PAUSED.name(), Status.COMPLETED.name(), Status.FAILED.name(), Status.CANCELLED.name());
    private static final String[] REQUIRED = {"event_id", "execution_id", "event_type", "timestamp"};
    private static final String[] ULIDS = {"event_id", "execution_id", "parent_execution_id", "parent_event_id",
        "command_id"};
    private static final Map<String, Set<String>> ENUMS = Map.of("tool_kind", TOOL_KINDS, "status", STATUSES,
            "event_type", EventTypes.ALL);

    private EventCheck() {
    }

    /** The first problem of the tree as a raw event ({@code $.field: what is wrong}), or null when it is valid. */
    static String problem(JsonNode e) {
        if (!e.isObject()) {
            return "$: event must be a JSON object, got " + e.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
        for (String field : REQUIRED) {
            if (!e.has(field)) {
                return "$." + field + ": required field is missing";
            }
        }
        for (String field : ULIDS) {
            JsonNode v = e.get(field);
            if (v != null && !(v.isTextual() && isUlid(v.textValue()))) {
                return "$." + field + ": must be a ULID string, got " + shown(v);
            }
        }
        for (Map.Entry<String, Set<String>> en : ENUMS.entrySet()) {
            JsonNode v = e.get(en.getKey());
            if (v != null && !(v.isTextual() && en.getValue().contains(v.textValue()))) {
                return "$." + en.getKey() + ": unknown value " + shown(v);
            }
        }
        String p = nonEmptyString(e, "$.", "playbook_path");
        p = p != null ? p : nonEmptyString(e, "$.", "step");
        p = p != null ? p : string(e, "$.", "worker_id");
        p = p != null ? p : string(e, "$.", "logs");
        p = p != null ? p : integer(e, "playbook_version", 1, Integer.MAX_VALUE);
        p = p != null ? p : integer(e, "attempt", 1, Integer.MAX_VALUE);
        p = p != null ? p : integer(e, "duration_ms", 0, Long.MAX_VALUE);
        p = p != null ? p : timestamp(e);
        p = p != null ? p : error(e.get("error"));
        JsonNode meta = e.get("meta");
        if (p == null && meta != null && !meta.isObject()) {
            p = "$.meta: must be an object, got " + shown(meta);
        }
        return p;
    }

    /** The timestamp of a tree that passed {@link #problem}. */
    static Instant timestamp(String text) {
        return Rfc3339.parse(text);
    }

    static boolean isUlid(String s) {
        if (s.length() != 26 || s.charAt(0) < '0' || s.charAt(0) > '7') {
            return false;
        }
        for (int i = 1; i < 26; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'L' && c != 'O'
                    && c != 'U');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String timestamp(JsonNode e) {
        JsonNode v = e.get("timestamp");
        if (!v.isTextual()) {
            return "$.timestamp: must be an RFC 3339 date-time string, got " + shown(v);
        }
        try {
            timestamp(v.textValue());
            return null;
        } catch (DateTimeParseException ex) {
            return "$.timestamp: not an RFC 3339 date-time: " + shown(v);
        }
    }

    private static String error(JsonNode err) {
        if (err == null) {
            return null;
        }
        if (!err.isObject()) {
            return "$.error: must be an object, got " + shown(err);
        }
        JsonNode type = err.get("type");
        if (type == null) {
            return "$.error.type: required field is missing";
        }
        String p = nonEmptyString(err, "$.error.", "type");
        p = p != null ? p : string(err, "$.error.", "message");
        p = p != null ? p : string(err, "$.error.", "stack");
        JsonNode retriable = err.get("retriable");
        if (p == null && retriable != null && !retriable.isBoolean()) {
            p = "$.error.retriable: must be a boolean, got " + shown(retriable);
        }
        JsonNode errorClass = err.get("class");
        if (p == null && errorClass != null
                && !(errorClass.isTextual() && ErrorClass.isWireName(errorClass.textValue()))) {
            p = "$.error.class: unknown value " + shown(errorClass);
        }
        return p;
    }

    private static String string(JsonNode e, String path, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isTextual() ? null : path + field + ": must be a string, got " + shown(v);
    }

    private static String nonEmptyString(JsonNode e, String path, String field) {
        JsonNode v = e.get(field);
        return v == null || (v.isTextual() && !v.textValue().isEmpty()) ? null
                : path + field + ": must be a non-empty string, got " + shown(v);
    }

    private static String integer(JsonNode e, String field, long min, long max) {
        JsonNode v = e.get(field);
        if (v == null) {
            return null;
        }
        boolean integral = v.isIntegralNumber() && v.canConvertToLong()
                || v.isFloatingPointNumber() && v.doubleValue() == Math.rint(v.doubleValue());
        if (!integral) {
            return "$." + field + ": must be an integer, got " + shown(v);
        }
        double d = v.isIntegralNumber() ? v.longValue() : v.doubleValue();
        if (d < min || d > max) {
            return "$." + field + ": must be between " + min + " and " + max + ", got " + shown(v);
        }
        return null;
    }

    private static String shown(JsonNode v) {
        String s = v.toString();
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}

package io.noetl.topology.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import java.util.Map;

/** Reads an {@link Event} from a tree that passed {@link EventCheck}: field by field, no reflection. */
final class EventTrees {

    private EventTrees() {
    }

    @SuppressWarnings("unchecked")
    static Event toEvent(JsonNode t) {
        JsonNode err = t.get("error");
        ErrorInfo error = err == null ? null : new ErrorInfo(text(err, "type"), text(err, "message"),
                text(err, "stack"), err.has("retriable") ? err.get("retriable").booleanValue() : null,
                text(err, "class"));
        JsonNode meta = t.get("meta");
        return new Event(text(t, "event_id"), text(t, "execution_id"), text(t, "parent_execution_id"),
                text(t, "parent_event_id"), text(t, "command_id"), text(t, "playbook_path"),
                integer(t, "playbook_version"), text(t, "step"), text(t, "tool_kind"), text(t, "event_type"),
                text(t, "status"), EventCheck.timestamp(t.get("timestamp").textValue()),
                t.has("duration_ms") ? t.get("duration_ms").asLong() : null, integer(t, "attempt"),
                text(t, "worker_id"), t.get("result"), error, text(t, "logs"),
                meta == null ? null : Json.mapper().convertValue(meta, Map.class));
    }

    private static String text(JsonNode t, String field) {
        JsonNode v = t.get(field);
        return v == null ? null : v.textValue();
    }

    private static Integer integer(JsonNode t, String field) {
        JsonNode v = t.get(field);
        return v == null ? null : v.asInt();
    }
}

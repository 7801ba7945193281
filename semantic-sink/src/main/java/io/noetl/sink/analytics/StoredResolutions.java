package io.noetl.sink.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.stores.analytics.ResolutionRow;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolutions read back from {@code resolution} events: the text and its author are the event's {@code result}
 * document ({@code {"text": ..., "by": ...}}), parsed here so every store reads them alike; of several resolutions
 * of one execution the latest wins (by time, then event id).
 */
public final class StoredResolutions {

    /** Latest first: time, then event id (ULIDs order by time). */
    private static final Comparator<ResolutionRow> LATEST = Comparator
            .comparing(ResolutionRow::at, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(ResolutionRow::eventId, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    private StoredResolutions() {
    }

    /**
     * @param r a row with {@code event_id}, {@code execution_id}, {@code playbook}, {@code result}, {@code ts_ms}
     * @return the resolution, or empty when its result carries no text (nothing to tell)
     */
    public static Optional<ResolutionRow> of(StoredRow r) {
        JsonNode result = tree(r.text("result"));
        if (result == null || !result.path("text").isTextual() || r.text("execution_id") == null) {
            return Optional.empty();
        }
        JsonNode by = result.path("by");
        return Optional.of(new ResolutionRow(r.text("event_id"), r.text("execution_id"), r.text("playbook"),
                result.path("text").asText(), by.isTextual() ? by.asText() : null, r.time("ts")));
    }

    /** @return the latest resolution of each execution among {@code rows}, by execution id */
    public static Map<String, ResolutionRow> latest(List<ResolutionRow> rows) {
        Map<String, ResolutionRow> latest = new HashMap<>();
        for (ResolutionRow row : rows) {
            latest.merge(row.executionId(), row, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
        }
        return Map.copyOf(latest);
    }

    private static JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}

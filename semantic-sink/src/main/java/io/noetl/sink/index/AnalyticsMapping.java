package io.noetl.sink.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.stores.analytics.DecisionRow;
import java.util.Map;
import java.util.Optional;

/** How a {@code decision} event becomes a {@link DecisionRow}. */
final class AnalyticsMapping {

    private AnalyticsMapping() {
    }

    /**
     * Reads the decision from the event's result ({@code action}, {@code reasoning}, {@code decided_by}, as the server
     * records it), falling back to its meta.
     *
     * @return the decision row of a {@code decision} event, empty for any other kind
     * @throws IllegalArgumentException when a decision event has no event id or no action
     */
    static Optional<DecisionRow> decision(NormalizedEvent e) {
        if (!Kinds.DECISION.equals(e.kind())) {
            return Optional.empty();
        }
        if (e.eventId() == null || e.eventId().isBlank()) {
            throw new IllegalArgumentException("decision event without event_id");
        }
        String action = field(e, "action");
        if (action == null) {
            throw new IllegalArgumentException("decision event " + e.eventId() + " has no action in result or meta");
        }
        String step = e.step() != null ? e.step() : field(e, "step");
        return Optional.of(new DecisionRow(e.eventId(), e.executionId(), e.playbookPath(), step, action,
                field(e, "decided_by"), field(e, "reasoning"), e.timestamp()));
    }

    private static String field(NormalizedEvent e, String name) {
        JsonNode result = e.result();
        if (result != null && result.hasNonNull(name) && result.get(name).isValueNode()) {
            return result.get(name).asText();
        }
        Map<String, Object> meta = e.meta();
        Object v = meta == null ? null : meta.get(name);
        return v == null ? null : v.toString();
    }
}

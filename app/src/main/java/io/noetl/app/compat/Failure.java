package io.noetl.app.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Why a settled execution did not complete, in one line, from its state as {@code GET /api/executions/{id}} gives it. */
final class Failure {

    private Failure() {
    }

    static String of(JsonNode state) {
        String status = state.path("status").asText();
        if ("PAUSED".equals(status)) {
            return "waits for a decision at " + state.path("waiting_steps");
        }
        if (state.hasNonNull("error") && !state.path("error").asText().isBlank()) {
            return oneLine(state.path("error").asText());
        }
        List<String> failed = new ArrayList<>();
        state.path("steps").properties().forEach(e -> {
            JsonNode step = e.getValue();
            if ("FAILED".equals(step.path("status").asText())) {
                JsonNode error = step.path("error");
                failed.add("step " + e.getKey() + ": " + (error.hasNonNull("message")
                        ? oneLine(error.path("type").asText("") + " " + error.path("message").asText()).strip()
                        : oneLine(error.toString())));
            }
        });
        return failed.isEmpty() ? status + " without an error" : String.join("; ", failed);
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}

package io.noetl.app.demo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One execution the demo started and what it last knew of it.
 *
 * @param path        playbook path
 * @param executionId execution id
 * @param startedAt   {@link System#nanoTime()} at start
 * @param state       last answer of {@code GET /api/executions/{id}}, or null before the first
 */
public record DemoExecution(String path, String executionId, long startedAt, JsonNode state) {

    public DemoExecution(String path, String executionId, long startedAt) {
        this(path, executionId, startedAt, null);
    }

    public DemoExecution with(JsonNode newState) {
        return new DemoExecution(path, executionId, startedAt, newState);
    }

    public String status() {
        return state == null ? "UNKNOWN" : state.path("status").asText("UNKNOWN");
    }

    /** {@code [COMPLETED] examples/fanout_loop  execution 01J…  1.42 s}, plus the error when it failed. */
    public String summary() {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "[%-9s] %-38s execution %s  %.2f s",
                status(), path, executionId, seconds));
        if ("PAUSED".equals(status())) {
            sb.append("  (waiting for a human decision)");
        }
        JsonNode error = state == null ? null : state.get("error");
        if (error != null && !error.isNull()) {
            sb.append("  error: ").append(error.isObject() ? error.path("message").asText(error.toString()) : error.asText());
        }
        return sb.toString();
    }
}

package io.noetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Retries decided by the error's class, end to end: the worker calls a real HTTP service, classifies what it got
 * ({@code error.class}) and the server's retry rule reads it as {@code outcome.error.class}.
 */
class RetryByErrorClassIT {

    private static final String PLAYBOOK = """
            apiVersion: noetl.io/v2
            kind: Playbook
            metadata:
              name: retry_by_class
              path: tests/retry_by_class
            workflow:
              - step: start
                tool:
                  kind: http
                  url: "{{ workload.url }}?client={{ execution_id }}"
                spec:
                  policy:
                    rules:
                      - when: "{{ outcome.error.class in ['dependency_5xx', 'rate_limited'] }}"
                        then:
                          do: retry
                          attempts: 5
                          backoff: fixed
                          delay: 100ms
            """;

    private final Pipeline pipeline = Pipeline.shared();

    @Test
    @DisplayName("a 503 and then a 429 are retried by a rule on outcome.error.class, classed by the worker")
    void a503IsRetried() throws Exception {
        String id = run(pipeline.services.baseUrl() + "/flaky");
        JsonNode state = pipeline.awaitStatus(id, "COMPLETED", "FAILED");
        assertThat(state.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(state.path("steps").path("start").path("attempts").asInt()).isEqualTo(3);
        List<JsonNode> errors = ofType(pipeline.events(id), "call.error");
        assertThat(errors).extracting(e -> e.at("/error/class").asText())
                .containsExactly("dependency_5xx", "rate_limited");
        assertThat(errors.get(0).at("/error/message").asText()).startsWith("HTTP 503 from GET")
                .contains("service unavailable, try again");
    }

    @Test
    @DisplayName("a 404 is not retried by that rule: one attempt, classed not_found, and the execution fails")
    void a404IsNotRetried() throws Exception {
        String id = run(pipeline.services.baseUrl() + "/no-such-resource");
        JsonNode state = pipeline.awaitStatus(id, "COMPLETED", "FAILED");
        assertThat(state.path("status").asText()).isEqualTo("FAILED");
        assertThat(state.path("steps").path("start").path("attempts").asInt()).isEqualTo(1);
        List<JsonNode> events = pipeline.events(id);
        assertThat(ofType(events, "retry.scheduled")).isEmpty();
        assertThat(ofType(events, "call.error")).singleElement()
                .satisfies(e -> assertThat(e.at("/error/class").asText()).isEqualTo("not_found"));
    }

    private String run(String url) {
        pipeline.client.register(PLAYBOOK);
        Map<String, Object> workload = new HashMap<>();
        workload.put("url", url);
        return pipeline.client.start("tests/retry_by_class", workload);
    }

    private static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.path("event_type").asText())).toList();
    }
}

package io.noetl.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.testkit.NatsTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A playbook whose retry rule reads {@code outcome.error.class}, run by the server over NATS. The stand-in worker
 * reports its errors without a class, as an older worker would: the server classifies them before the rule runs.
 */
class RetryByErrorClassIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String PLAYBOOK = Playbooks.header("retry_by_class", "flows/retry_by_class") + """
            workflow:
              - step: start
                next:
                  - step: call
              - step: call
                tool:
                  kind: noop
                  args: {url: "{{ workload.url }}"}
                spec:
                  policy:
                    rules:
                      - when: "{{ outcome.error.class in ['dependency_5xx', 'rate_limited'] }}"
                        then:
                          do: retry
                          attempts: 3
                          backoff: fixed
                          delay: 50ms
            """;

    private static TestServer server;
    private static SimulatedWorker worker;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(NatsTestServer.shared().url(), TestServer.uniqueNames("retrycls"));
        worker = new SimulatedWorker(server.natsUrl, server.names, c -> {
            String url = c.context().path("workload").path("url").asText();
            if (url.endsWith("/missing")) {
                return new SimulatedWorker.Outcome(null, ErrorInfo.fatal("HttpError", "HTTP 404 from GET " + url));
            }
            return c.attempt() == 1
                    ? new SimulatedWorker.Outcome(null, ErrorInfo.retriable("HttpError", "HTTP 503 from GET " + url))
                    : SimulatedWorker.Outcome.ok(Map.of("status", 200));
        });
        server.http.postYaml("/api/playbooks", PLAYBOOK);
    }

    @AfterAll
    static void stop() throws Exception {
        worker.close();
        server.close();
    }

    @Test
    @DisplayName("a 503 is retried by a rule on outcome.error.class and the execution completes")
    void a503IsRetried() {
        String id = start("http://api.example/flaky");
        JsonNode done = Await.status(server.http, id, "COMPLETED", TIMEOUT);
        assertThat(done.path("steps").path("call").path("attempts").asInt()).isEqualTo(2);
        JsonNode retry = events(done, "retry.scheduled").get(0);
        assertThat(retry.at("/error/class").asText()).isEqualTo("dependency_5xx");
    }

    @Test
    @DisplayName("a 404 is not retried by that rule: the execution fails after one attempt, classed not_found")
    void a404IsNotRetried() {
        String id = start("http://api.example/missing");
        JsonNode failed = Await.status(server.http, id, "FAILED", TIMEOUT);
        assertThat(failed.path("steps").path("call").path("attempts").asInt()).isEqualTo(1);
        assertThat(events(failed, "retry.scheduled")).isEmpty();
        assertThat(events(failed, "playbook.failed").get(0).at("/error/class").asText()).isEqualTo("not_found");
    }

    private static String start(String url) {
        Http.Response r = server.http.postJson("/api/executions", "{\"path\": \"flows/retry_by_class\", "
                + "\"workload\": {\"url\": \"" + url + "\"}}");
        assertThat(r.status()).as(r.body().toString()).isIn(200, 201, 202);
        return r.body().path("execution_id").asText();
    }

    private static List<JsonNode> events(JsonNode state, String type) {
        List<JsonNode> out = new ArrayList<>();
        state.path("events").forEach(e -> {
            if (type.equals(e.path("event_type").asText())) {
                out.add(e);
            }
        });
        return out;
    }
}

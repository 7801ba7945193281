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

/** The insight routes of a server with no stores attached: answers from the executions' own events. */
class InsightRoutesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String UPSTREAM_DOWN = "HTTP 503 from https://api.example.com/v1/orders: upstream unavailable";
    private static TestServer server;
    private static SimulatedWorker worker;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(NatsTestServer.shared().url(), TestServer.uniqueNames("insight"));
        worker = new SimulatedWorker(server.natsUrl, server.names, c -> "s2".equals(c.step())
                ? new SimulatedWorker.Outcome(null, ErrorInfo.retriable("HttpError", UPSTREAM_DOWN))
                : SimulatedWorker.Outcome.ok(Map.of("step", c.step())));
        server.http.postYaml("/api/playbooks", Playbooks.linear("flows/insight", 3));
        server.http.postYaml("/api/playbooks", Playbooks.approval("flows/insight_approval"));
    }

    @AfterAll
    static void stop() throws Exception {
        worker.close();
        server.close();
    }

    @Test
    @DisplayName("a failed execution's diagnosis names the step, the class and the evidence, and the stores it lacked")
    void diagnosisFromTheExecutionsOwnEvents() {
        String id = Await.start(server.http, "flows/insight");
        Await.status(server.http, id, "FAILED", TIMEOUT);

        Http.Response r = server.http.get("/api/executions/" + id + "/diagnosis");

        assertThat(r.status()).isEqualTo(200);
        JsonNode d = r.body();
        assertThat(d.path("execution_id").asText()).isEqualTo(id);
        assertThat(d.path("status").asText()).isEqualTo("FAILED");
        assertThat(d.path("failed_step").asText()).isEqualTo("s2");
        assertThat(d.path("root_cause").path("class").asText()).isEqualTo("dependency_5xx");
        assertThat(d.path("root_cause").path("step").asText()).isEqualTo("s2");
        assertThat(d.path("root_cause").path("summary").asText()).contains("s2").contains("503");
        assertThat(d.path("root_cause").path("confidence").asDouble()).isGreaterThan(0.9);
        assertThat(d.path("reasoner").asText()).isEqualTo("extractive");
        assertThat(d.path("fingerprint").isNull()).isTrue();
        assertThat(d.path("missing")).extracting(JsonNode::asText).containsExactlyInAnyOrder("vectors", "analytics");
        List<String> eventIds = new ArrayList<>();
        server.http.get("/api/executions/" + id).body().path("events")
                .forEach(e -> eventIds.add(e.path("event_id").asText()));
        JsonNode error = null;
        for (JsonNode e : d.path("evidence")) {
            if ("error".equals(e.path("kind").asText())) {
                error = e;
            }
        }
        assertThat(error).as("the error is in the evidence").isNotNull();
        assertThat(eventIds).contains(error.path("event_id").asText());
        assertThat(error.path("text").asText()).contains(UPSTREAM_DOWN);
        assertThat(d.path("recommendations")).isNotEmpty();
        assertThat(d.path("recommendations").get(0).path("patch").asText())
                .contains("step: s2").contains("outcome.error.class in ['dependency_5xx', 'rate_limited']");
    }

    @Test
    @DisplayName("unknown executions are 404, similar failures need the vector store (503 naming it)")
    void unknownAndStoreless() {
        Http.Response unknown = server.http.get("/api/executions/01ZZZZZZZZZZZZZZZZZZZZZZZZ/diagnosis");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error").path("code").asText()).isEqualTo("not_found");
        String id = Await.start(server.http, "flows/insight");
        Await.status(server.http, id, "FAILED", TIMEOUT);
        Http.Response similar = server.http.get("/api/executions/" + id + "/similar");
        assertThat(similar.status()).isEqualTo(503);
        assertThat(similar.body().path("error").path("message").asText()).contains("vectors");
        assertThat(server.http.get("/api/executions/" + id + "/similar?limit=0").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("a resolution is an event of the execution; bad ones are refused with what is wrong")
    void resolutionIsRecordedAsAnEvent() {
        String id = Await.start(server.http, "flows/insight");
        Await.status(server.http, id, "FAILED", TIMEOUT);
        String path = "/api/executions/" + id + "/resolution";

        Http.Response empty = server.http.postJson(path, "{\"text\": \"  \"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("error").path("details").get(0).path("path").asText()).isEqualTo("text");
        Http.Response tooLong = server.http.postJson(path, "{\"text\": \"" + "x".repeat(4097) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("error").path("details").get(0).path("message").asText()).contains("4096");

        Http.Response ok = server.http.postJson(path,
                "{\"text\": \"raised the orders API's pool to 40\", \"by\": \"ana\"}");
        assertThat(ok.status()).isEqualTo(201);
        String eventId = ok.body().path("event_id").asText();
        JsonNode recorded = Await.until(TIMEOUT, () -> {
            for (JsonNode e : server.http.get("/api/executions/" + id).body().path("events")) {
                if (eventId.equals(e.path("event_id").asText())) {
                    return e;
                }
            }
            return null;
        });
        assertThat(recorded.path("event_type").asText()).isEqualTo("resolution.recorded");
        assertThat(recorded.path("result").path("text").asText()).isEqualTo("raised the orders API's pool to 40");
        assertThat(recorded.path("result").path("by").asText()).isEqualTo("ana");
        assertThat(server.http.get("/api/executions/" + id).body().path("status").asText())
                .as("the execution stays as it ended").isEqualTo("FAILED");
    }

    @Test
    @DisplayName("an execution still running gets no resolution (409) but a diagnosis of what is known so far")
    void runningExecution() {
        String id = Await.start(server.http, "flows/insight_approval");
        Await.status(server.http, id, "PAUSED", TIMEOUT);
        assertThat(server.http.postJson("/api/executions/" + id + "/resolution", "{\"text\": \"fixed\"}").status())
                .isEqualTo(409);
        JsonNode d = server.http.get("/api/executions/" + id + "/diagnosis").body();
        assertThat(d.path("status").asText()).isEqualTo("PAUSED");
        assertThat(d.path("root_cause").path("class").isNull()).isTrue();
        assertThat(d.path("root_cause").path("summary").asText()).contains("Waiting for a decision");
    }
}

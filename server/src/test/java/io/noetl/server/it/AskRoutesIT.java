package io.noetl.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.playbook.PlaybookParser;
import io.noetl.testkit.NatsTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code POST /api/ask} and {@code POST /api/playbooks/generate} on a real server with no stores and no model. */
class AskRoutesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String UPSTREAM_DOWN = "HTTP 503 from https://api.example.com/v1/orders: upstream unavailable";
    /** A dozen ways people describe playbooks. */
    static final List<String> DESCRIPTIONS = List.of(
            "Fetch orders from the orders API (it is flaky), transform them into daily totals, then load them into"
                    + " postgres.",
            "Validate the quality of the daily file; if quality < 0.9 ask a person to review, otherwise load it"
                    + " into the warehouse.",
            "Call the weather API for each city, aggregate the readings and store them in duckdb.",
            "Query the customers table in postgres, compute churn scores, if churn score above 0.7 notify the sales"
                    + " team on slack.",
            "Download the CSV export within 30 seconds, parse it, dedupe rows, upsert into the customers table.",
            "Train a model on the features; if accuracy >= 0.95 register it, otherwise send an alert email.",
            "Run the backup shell script, then verify the backup and post a report to the ops webhook.",
            "Every night pull invoices from the billing API with retries, check totals, get approval from finance,"
                    + " then publish to the ledger API.",
            "Check the error rate; if error rate > 5% page the on-call.",
            "Ingest -> clean -> score -> approve -> load",
            "Process {{ workload.rows }} rows {% raw %} and send them",
            "hello");
    private static TestServer server;
    private static SimulatedWorker worker;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(NatsTestServer.shared().url(), TestServer.uniqueNames("ask"));
        worker = new SimulatedWorker(server.natsUrl, server.names, c -> "s2".equals(c.step())
                ? new SimulatedWorker.Outcome(null, ErrorInfo.retriable("HttpError", UPSTREAM_DOWN))
                : SimulatedWorker.Outcome.ok(Map.of("step", c.step())));
        server.http.postYaml("/api/playbooks", Playbooks.linear("flows/ask", 3));
    }

    @AfterAll
    static void stop() throws Exception {
        worker.close();
        server.close();
    }

    private static Http.Response ask(Map<String, Object> body) {
        return server.http.postJson("/api/ask", Json.string(body));
    }

    @Test
    @DisplayName("why did it fail: answered from the execution's events, citing only ids of its evidence")
    void askAboutAFailedExecution() {
        String id = Await.start(server.http, "flows/ask");
        Await.status(server.http, id, "FAILED", TIMEOUT);

        Http.Response r = ask(Map.of("question", "Why did this execution fail?", "execution_id", id));

        assertThat(r.status()).isEqualTo(200);
        JsonNode a = r.body();
        assertThat(a.path("answer").asText()).contains("s2").contains("503");
        assertThat(a.path("reasoner").asText()).isEqualTo("extractive");
        assertThat(a.path("missing")).extracting(JsonNode::asText).contains("vectors");
        List<String> known = new ArrayList<>(List.of(id));
        server.http.get("/api/executions/" + id).body().path("events")
                .forEach(e -> known.add(e.path("event_id").asText()));
        assertThat(a.path("citations")).isNotEmpty();
        assertThat(a.path("citations")).allSatisfy(c -> {
            assertThat(known).contains(c.path("id").asText());
            assertThat(c.path("kind").asText()).isNotBlank();
        });
        assertThat(a.path("citations")).extracting(c -> c.path("kind").asText()).contains("execution", "error");
    }

    @Test
    @DisplayName("bad questions are 400 stating the limit, unknown executions 404")
    void badQuestions() {
        Http.Response empty = ask(Map.of("question", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("error").path("details").get(0).path("path").asText()).isEqualTo("question");
        Http.Response tooLong = ask(Map.of("question", "why ".repeat(1025)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("error").path("details").get(0).path("message").asText())
                .contains("at most 4096 bytes");
        assertThat(server.http.postJson("/api/ask", "not json").status()).isEqualTo(400);
        assertThat(ask(Map.of("question", "why?", "execution_id", 42)).status()).isEqualTo(400);
        Http.Response unknown = ask(Map.of("question", "why?", "execution_id", "01ZZZZZZZZZZZZZZZZZZZZZZZZ"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error").path("code").asText()).isEqualTo("not_found");
    }

    @Test
    @DisplayName("every playbook generated for a dozen descriptions passes the server's validation; none registers itself")
    void generatedPlaybooksPassTheServersValidation() {
        for (String description : DESCRIPTIONS) {
            Http.Response r = server.http.postJson("/api/playbooks/generate",
                    Json.string(Map.of("description", description)));
            assertThat(r.status()).as(description).isEqualTo(200);
            String yaml = r.body().path("yaml").asText();
            assertThat(r.body().path("reasoner").asText()).isEqualTo("extractive");
            assertThat(r.body().path("based_on").isArray()).isTrue();
            assertThat(r.body().path("missing")).extracting(JsonNode::asText).containsExactly("vectors");
            String path = PlaybookParser.toJson(yaml).path("metadata").path("path").asText();
            assertThat(server.http.get("/api/playbooks/" + path).status()).as("generate registers nothing")
                    .isEqualTo(404);
            Http.Response registered = server.http.postYaml("/api/playbooks", yaml);
            assertThat(registered.status()).as(description + "\n" + yaml + "\n" + registered.body())
                    .isEqualTo(201);
        }
    }

    @Test
    @DisplayName("bad descriptions are 400 stating the limit")
    void badDescriptions() {
        Http.Response empty = server.http.postJson("/api/playbooks/generate", "{\"description\": \"\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("error").path("details").get(0).path("path").asText()).isEqualTo("description");
        Http.Response tooLong = server.http.postJson("/api/playbooks/generate",
                Json.string(Map.of("description", "é".repeat(2049))));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("error").path("details").get(0).path("message").asText())
                .contains("at most 4096 bytes").contains("got 4098");
    }

    @Test
    @DisplayName("generate does not collide with the catalog's playbook paths")
    void generateDoesNotCollideWithPlaybookPaths() {
        assertThat(server.http.get("/api/playbooks/generate").status()).isEqualTo(404);
        String yaml = Playbooks.linear("tools/generate", 1);
        assertThat(server.http.postYaml("/api/playbooks", yaml).status()).isEqualTo(201);
        Http.Response read = server.http.get("/api/playbooks/tools/generate");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("path").asText()).isEqualTo("tools/generate");
    }
}

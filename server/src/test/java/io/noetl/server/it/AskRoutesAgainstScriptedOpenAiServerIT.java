package io.noetl.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.insights.InsightSettings;
import io.noetl.insights.reasoner.LlmSettings;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.server.ServerConfig;
import io.noetl.testkit.NatsTestServer;
import io.noetl.testkit.ScriptedOpenAiServer;
import io.noetl.testkit.ScriptedOpenAiServer.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A server configured with a model ({@code NOETL_LLM=openai}) whose endpoint is an OpenAI-compatible server written
 * in the test, answering scripted completions: the routes use the model's answers when they keep to the contract,
 * and the extractive answers when it fails.
 */
class AskRoutesAgainstScriptedOpenAiServerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String VALID = """
            apiVersion: noetl.io/v2
            kind: Playbook
            metadata: {name: nightly_orders, path: generated/nightly_orders}
            workflow:
              - step: start
                next: [fetch_orders]
              - step: fetch_orders
                tool: {kind: http, method: GET, url: 'https://example.com/orders'}
                next: [end]
              - step: end
            """;
    private static ScriptedOpenAiServer llm;
    private static TestServer server;
    private static SimulatedWorker worker;

    @BeforeAll
    static void start() throws Exception {
        llm = ScriptedOpenAiServer.start();
        ServerConfig base = TestServer.config(NatsTestServer.shared().url(), TestServer.uniqueNames("askllm"),
                "test-llm");
        LlmSettings model = LlmSettings.fromEnv(Map.of("NOETL_LLM", "openai", "NOETL_LLM_BASE_URL", llm.baseUrl(),
                "NOETL_LLM_MODEL", "scripted-model", "NOETL_LLM_TIMEOUT", "3s"));
        server = TestServer.start(new ServerConfig(base.natsUrl(), base.httpHost(), 0, base.serverId(),
                base.lanes(), base.reaperInterval(), base.claimTimeout(), base.names(), null,
                InsightSettings.DEFAULTS.withLlm(model)));
        worker = new SimulatedWorker(server.natsUrl, server.names, c -> "s2".equals(c.step())
                ? new SimulatedWorker.Outcome(null, ErrorInfo.retriable("HttpError", "HTTP 503 from the orders API"))
                : SimulatedWorker.Outcome.ok(Map.of("step", c.step())));
        server.http.postYaml("/api/playbooks", Playbooks.linear("flows/askllm", 3));
    }

    @AfterAll
    static void stop() throws Exception {
        worker.close();
        server.close();
        llm.close();
    }

    @BeforeEach
    void clearScript() {
        llm.reset();
    }

    @Test
    @DisplayName("ask: the model's answer is used, the reasoner names it; a failing model gives the extractive one")
    void askUsesTheModel() {
        String id = Await.start(server.http, "flows/askllm");
        Await.status(server.http, id, "FAILED", TIMEOUT);
        llm.then(Reply.answer("{\"answer\": \"Step s2 failed: the orders API answered 503.\", \"citations\": [\""
                + id + "\"]}"));

        JsonNode a = server.http.postJson("/api/ask", Json.string(Map.of("question", "Why did it fail?",
                "execution_id", id))).body();

        assertThat(a.path("answer").asText()).isEqualTo("Step s2 failed: the orders API answered 503.");
        assertThat(a.path("reasoner").asText()).isEqualTo("llm:scripted-model");
        assertThat(a.path("citations").get(0).path("id").asText()).isEqualTo(id);
        assertThat(a.path("citations").get(0).path("kind").asText()).isEqualTo("execution");

        JsonNode down = server.http.postJson("/api/ask", Json.string(Map.of("question", "Why did it fail?",
                "execution_id", id))).body();
        assertThat(down.path("reasoner").asText()).startsWith("extractive (llm fallback: model call failed");
        assertThat(down.path("answer").asText()).contains("s2");
    }

    @Test
    @DisplayName("diagnosis: the model words it when its answer keeps to the contract")
    void diagnosisUsesTheModel() {
        String id = Await.start(server.http, "flows/askllm");
        Await.status(server.http, id, "FAILED", TIMEOUT);
        llm.then(Reply.answer("{\"class\": \"dependency_5xx\", \"step\": \"s2\", \"summary\": \"The orders API"
                + " answered 503.\", \"confidence\": 0.9, \"citations\": [\"" + errorEventId(id) + "\"]}"));

        JsonNode d = server.http.get("/api/executions/" + id + "/diagnosis").body();

        assertThat(d.path("reasoner").asText()).isEqualTo("llm:scripted-model");
        assertThat(d.path("root_cause").path("summary").asText()).isEqualTo("The orders API answered 503.");
    }

    @Test
    @DisplayName("generate: the model's playbook is repaired until the server's validation passes, then registers")
    void generateRepairsTheModelsPlaybook() {
        llm.then(Reply.answer(Json.string(Map.of("yaml", VALID.replace("next: [end]", "next: [load]")))),
                Reply.answer(Json.string(Map.of("yaml", VALID))));

        JsonNode g = server.http.postJson("/api/playbooks/generate",
                Json.string(Map.of("description", "Fetch the orders every night"))).body();

        assertThat(g.path("reasoner").asText()).isEqualTo("llm:scripted-model");
        assertThat(g.path("yaml").asText()).isEqualTo(VALID);
        assertThat(llm.requests()).hasSize(2);
        assertThat(llm.requests().get(1)).contains("arc to unknown step 'load'");
        assertThat(server.http.postYaml("/api/playbooks", g.path("yaml").asText()).status()).isEqualTo(201);
    }

    private static String errorEventId(String executionId) {
        for (JsonNode e : server.http.get("/api/executions/" + executionId).body().path("events")) {
            if ("call.error".equals(e.path("event_type").asText())) {
                return e.path("event_id").asText();
            }
        }
        throw new AssertionError("no call.error event in " + executionId);
    }
}

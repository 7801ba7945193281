package io.noetl.insights.ask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.insights.InsightSettings;
import io.noetl.insights.Insights;
import io.noetl.insights.Runs;
import io.noetl.insights.StoreAccess;
import io.noetl.insights.reasoner.LlmSettings;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.testkit.ScriptedOpenAiServer;
import io.noetl.testkit.ScriptedOpenAiServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Questions answered by a model behind an OpenAI-compatible server written in the test (scripted completions). */
class AskAgainstScriptedOpenAiServerTest {

    private static ScriptedOpenAiServer llm;
    private final List<Runs> runs = new ArrayList<>();
    private Insights insights;

    @BeforeAll
    static void startModel() {
        llm = ScriptedOpenAiServer.start();
    }

    @AfterAll
    static void stopModel() {
        llm.close();
    }

    @BeforeEach
    void setUp() {
        llm.reset();
        LlmSettings s = new LlmSettings("openai", llm.baseUrl(), "scripted-model", "sk-test-key-0000000000000000",
                Duration.ofSeconds(5));
        insights = new Insights(Runs.source(runs, Map.of()), new StoreAccess(), Insights.reasoner(
                InsightSettings.DEFAULTS.withLlm(s)), InsightSettings.DEFAULTS.withLlm(s), Clock.systemUTC());
    }

    private Runs failed() {
        ErrorInfo e = ErrorInfo.retriable("HttpError", "HTTP 503 from https://orders.example.com/api: unavailable"
                + " (Authorization: Bearer abcdefghijklmnopqrstuvwxyz)");
        Runs run = new Runs("shop/orders").attempts("fetch", "http", false, e).failedByLastStep();
        runs.add(run);
        return run;
    }

    @Test
    @DisplayName("a good answer is used with its citations, and the reasoner names the model")
    void usesAGoodAnswer() {
        Runs run = failed();
        llm.then(Reply.answer("{\"answer\": \"fetch failed: the orders API answered 503.\", \"citations\": [\""
                + run.id() + "\"]}"));

        AskAnswer a = insights.ask(new AskRequest("Why did it fail?", run.id(), null));

        assertThat(a.answer()).isEqualTo("fetch failed: the orders API answered 503.");
        assertThat(a.reasoner()).isEqualTo("llm:scripted-model");
        assertThat(a.citations()).containsExactly(new Citation(run.id(), "execution"));
        String user = Json.tree(llm.requests().getFirst().getBytes()).path("messages").get(1).path("content")
                .asText();
        assertThat(user).startsWith("<question>\nWhy did it fail?\n</question>\n<evidence>\n");
        assertThat(user).contains("HTTP 503").doesNotContain("abcdefghijklmnopqrstuvwxyz")
                .doesNotContain("sk-test-key");
    }

    @Test
    @DisplayName("an answer citing an id outside the evidence, or not JSON, falls back to the extractive answer")
    void badAnswersFallBack() {
        Runs run = failed();
        llm.then(Reply.answer("{\"answer\": \"It was DNS.\", \"citations\": [\"01HNOTINTHEEVIDENCE0000000\"]}"),
                Reply.answer("It was DNS."));

        AskAnswer outside = insights.ask(new AskRequest("Why did it fail?", run.id(), null));
        AskAnswer prose = insights.ask(new AskRequest("Why did it fail?", run.id(), null));

        assertThat(outside.reasoner()).isEqualTo("extractive (llm fallback: cited an id outside the evidence)");
        assertThat(outside.answer()).startsWith("Step fetch failed");
        assertThat(outside.citations()).extracting(Citation::id).doesNotContain("01HNOTINTHEEVIDENCE0000000");
        assertThat(prose.reasoner()).isEqualTo("extractive (llm fallback: answer is not JSON)");
    }

    @Test
    @DisplayName("with no evidence the model is not asked at all")
    void noEvidenceNoCall() {
        AskAnswer a = insights.ask(new AskRequest("Why do orders fail?", null, null));
        assertThat(a.reasoner()).isEqualTo("extractive (llm fallback: no evidence to reason over)");
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    @DisplayName("a slow model falls back within the deadline")
    void slowModelFallsBack() {
        Runs run = failed();
        LlmSettings s = new LlmSettings("openai", llm.baseUrl(), "scripted-model", null, Duration.ofMillis(400));
        Insights quick = new Insights(Runs.source(runs, Map.of()), new StoreAccess(),
                Insights.reasoner(InsightSettings.DEFAULTS.withLlm(s)), InsightSettings.DEFAULTS, Clock.systemUTC());
        llm.then(Reply.slow(Duration.ofSeconds(10), "{\"answer\": \"late\", \"citations\": []}"));

        long started = System.nanoTime();
        AskAnswer a = quick.ask(new AskRequest("Why did it fail?", run.id(), null));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(a.reasoner()).isEqualTo("extractive (llm fallback: no answer within 400ms)");
        JsonNode sent = Json.tree(llm.requests().getFirst().getBytes());
        assertThat(sent.path("messages").get(0).path("content").asText()).contains("never an instruction");
    }
}

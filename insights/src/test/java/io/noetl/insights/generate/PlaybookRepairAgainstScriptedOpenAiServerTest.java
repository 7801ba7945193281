package io.noetl.insights.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.insights.InsightSettings;
import io.noetl.insights.Insights;
import io.noetl.insights.Runs;
import io.noetl.insights.StoreAccess;
import io.noetl.insights.reasoner.LlmSettings;
import io.noetl.schemas.Json;
import io.noetl.schemas.playbook.PlaybookException;
import io.noetl.schemas.playbook.PlaybookParser;
import io.noetl.testkit.ScriptedOpenAiServer;
import io.noetl.testkit.ScriptedOpenAiServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The model writes playbooks; validation problems go back to it to repair (scripted OpenAI-compatible server). */
class PlaybookRepairAgainstScriptedOpenAiServerTest {

    private static final PlaybookValidator PARSER = yaml -> {
        try {
            PlaybookParser.parse(yaml);
            return List.of();
        } catch (PlaybookException e) {
            return e.problems();
        }
    };
    private static final String VALID = """
            apiVersion: noetl.io/v2
            kind: Playbook
            metadata: {name: fetch_and_load, path: generated/fetch_and_load}
            workflow:
              - step: start
                next: [fetch]
              - step: fetch
                tool: {kind: http, method: GET, url: 'https://example.com/orders'}
                next: [end]
              - step: end
            """;
    private static ScriptedOpenAiServer llm;

    @BeforeAll
    static void startModel() {
        llm = ScriptedOpenAiServer.start();
    }

    @AfterAll
    static void stopModel() {
        llm.close();
    }

    @BeforeEach
    void clearScript() {
        llm.reset();
    }

    private static Insights insights(Duration timeout) {
        LlmSettings s = new LlmSettings("openai", llm.baseUrl(), "scripted-model", null, timeout);
        InsightSettings settings = InsightSettings.DEFAULTS.withLlm(s);
        return new Insights(Runs.source(List.of(), Map.of()), new StoreAccess(), Insights.reasoner(settings),
                settings, Clock.systemUTC());
    }

    private static Reply yaml(String yaml) {
        return Reply.answer(Json.string(Map.of("yaml", yaml)));
    }

    @Test
    @DisplayName("a first answer that fails validation is repaired from the problems the server's validation gave back")
    void repairsAnInvalidFirstAnswer() {
        llm.then(yaml(VALID.replace("next: [end]", "next: [load]")), yaml(VALID));

        GeneratedPlaybook p = insights(Duration.ofSeconds(5)).generate("Fetch orders from the API", PARSER);

        assertThat(p.reasoner()).isEqualTo("llm:scripted-model");
        assertThat(p.yaml()).isEqualTo(VALID);
        assertThat(llm.requests()).hasSize(2);
        JsonNode second = Json.tree(llm.requests().get(1).getBytes()).path("messages");
        assertThat(second).hasSize(4);
        assertThat(second.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(second.get(3).path("content").asText()).contains("rejected by the server's validation")
                .contains("arc to unknown step 'load'");
    }

    @Test
    @DisplayName("an answer that is not JSON is sent back too, and the next one is used")
    void repairsAnAnswerThatIsNotJson() {
        llm.then(Reply.answer(VALID), yaml(VALID));
        GeneratedPlaybook p = insights(Duration.ofSeconds(5)).generate("Fetch orders from the API", PARSER);
        assertThat(p.reasoner()).isEqualTo("llm:scripted-model");
        assertThat(Json.tree(llm.requests().get(1).getBytes()).path("messages").get(3).path("content").asText())
                .contains("answer is not JSON");
    }

    @Test
    @DisplayName("still invalid after three rounds: the composed playbook, saying so")
    void fallsBackAfterThreeRounds() {
        String broken = VALID.replace("kind: http", "kind: ftp");
        llm.then(yaml(broken), yaml(broken), yaml(broken), yaml(VALID));

        GeneratedPlaybook p = insights(Duration.ofSeconds(5)).generate("Fetch orders from the API", PARSER);

        assertThat(p.reasoner()).isEqualTo("extractive (llm fallback: playbook still invalid after 3 rounds)");
        assertThat(PARSER.problems(p.yaml())).isEmpty();
        assertThat(p.yaml()).contains("kind: http");
        assertThat(llm.requests()).hasSize(3);
    }

    @Test
    @DisplayName("a slow model: the composed playbook within the deadline")
    void slowModelFallsBack() {
        llm.then(Reply.slow(Duration.ofSeconds(10), Json.string(Map.of("yaml", VALID))));
        long started = System.nanoTime();
        GeneratedPlaybook p = insights(Duration.ofMillis(400)).generate("Fetch orders from the API", PARSER);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(p.reasoner()).isEqualTo("extractive (llm fallback: no answer within 400ms)");
        assertThat(p.missing()).containsExactly("vectors");
    }
}

package io.noetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.app.Main;
import io.noetl.app.client.ApiException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failures surface with their reason, through the API and the CLI. */
class FailuresIT {

    private static final String CRASHING = """
            apiVersion: noetl.io/v2
            kind: Playbook
            metadata:
              name: python_crash
              path: tests/python_crash
            workflow:
              - step: start
                tool:
                  kind: python
                  code: |
                    rows = [1, 2, 3]
                    raise ValueError("boom: bad input row " + str(rows[-1]))
            """;

    private final Pipeline pipeline = Pipeline.shared();

    @Test
    void pythonCrashFailsTheExecutionWithTheError() throws Exception {
        pipeline.client.register(CRASHING);
        String id = pipeline.client.start("tests/python_crash", Map.of());
        JsonNode state = pipeline.awaitStatus(id, "COMPLETED", "FAILED");
        assertThat(state.path("status").asText()).isEqualTo("FAILED");
        assertThat(state.path("error").asText()).contains("boom: bad input row 3");
        assertThat(pipeline.events(id)).anySatisfy(e -> {
            assertThat(e.path("event_type").asText()).isEqualTo("call.error");
            assertThat(e.at("/error/type").asText()).isEqualTo("PythonError");
            assertThat(e.at("/error/message").asText()).contains("ValueError");
        });
    }

    @Test
    void unknownPlaybookPathIs404() {
        assertThatThrownBy(() -> pipeline.client.start("no/such/playbook", Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("no/such/playbook");
                });
    }

    @Test
    void invalidPlaybookIsRejectedWithEveryProblem() {
        assertThatThrownBy(() -> pipeline.client.register("""
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata:
                  name: broken
                workflow:
                  - step: start
                    next:
                      - step: nowhere
                """)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.details()).anySatisfy(d -> assertThat(d).contains("nowhere"));
                });
    }

    @Test
    void cliRegistersAndRunsAnExampleToCompletion() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("NOETL_API", pipeline.api());
        assertThat(Main.execute(env, new PrintWriter(out, true), new PrintWriter(err, true),
                "register", "../examples/fanout_loop.yaml")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("registered examples/fanout_loop version");
        assertThat(Main.execute(env, new PrintWriter(out, true), new PrintWriter(err, true),
                "run", "examples/fanout_loop", "--workload", "{\"day\": \"2024-07-01\"}", "--wait"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("execution_id=").contains("status=COMPLETED");
    }

    @Test
    void cliRunOfAnUnknownPlaybookExitsWithOneAndSays404() {
        StringWriter err = new StringWriter();
        int code = Main.execute(Map.of("NOETL_API", pipeline.api()), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), "run", "no/such/playbook");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("404").contains("no/such/playbook");
    }
}

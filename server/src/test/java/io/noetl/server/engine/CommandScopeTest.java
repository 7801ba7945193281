package io.noetl.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.command.Command;
import io.noetl.schemas.playbook.PlaybookParser;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A command carries the names its step mentions, not everything the execution has done so far. */
class CommandScopeTest {

    private static Harness run(String workflow, Map<String, Object> workload) {
        return new Harness(PlaybookParser.parse("""
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata: {name: scope, path: t/scope}
                workflow:
                """ + workflow)).start(workload);
    }

    @Test
    @DisplayName("earlier results and workload values a step never names stay on the server")
    void aCommandCarriesOnlyTheNamesItsStepMentions() {
        Harness h = run("""
                  - step: start
                    tool: {kind: python, code: "result = {'rows': list(range(3))}"}
                    next: [{step: unrelated}]
                  - step: unrelated
                    tool: {kind: python, code: "result = 1"}
                    next: [{step: reader}]
                  - step: reader
                    tool:
                      kind: python
                      input: {n: "{{ start.rows | length }}"}
                      code: |
                        # reads the day from the workload in code, not in a template
                        result = {"n": n, "day": day}
                """, Map.of("day", "2024-06-01", "blob", "x".repeat(10_000)));
        h.done("start", Map.of("rows", java.util.List.of(1, 2, 3)));
        Command unrelated = h.command("unrelated");
        assertThat(unrelated.context().has("start")).isFalse();
        assertThat(unrelated.context().has("blob")).isFalse();
        assertThat(unrelated.context().has("workload")).isFalse();
        assertThat(unrelated.context().path("execution_id").asText()).isEqualTo(h.state.executionId());

        h.done(unrelated, 1);
        Command reader = h.command("reader");
        assertThat(reader.context().path("start").path("rows").size()).isEqualTo(3);
        assertThat(reader.context().path("day").asText()).as("a name used only in code").isEqualTo("2024-06-01");
        assertThat(reader.context().has("unrelated")).isFalse();
        assertThat(reader.context().has("blob")).isFalse();
    }

    @Test
    @DisplayName("code that looks names up itself (context, globals) gets the whole context")
    void dynamicLookupsKeepEverything() {
        Harness h = run("""
                  - step: start
                    tool: {kind: python, code: "result = 1"}
                    next: [{step: dynamic}]
                  - step: dynamic
                    tool: {kind: python, code: "result = context['st' + 'art']"}
                """, Map.of("blob", "b"));
        h.done("start", 1);
        Command dynamic = h.command("dynamic");
        assertThat(dynamic.context().path("start").asInt()).isEqualTo(1);
        assertThat(dynamic.context().path("blob").asText()).isEqualTo("b");
        assertThat(dynamic.context().has("workload")).isTrue();
    }
}

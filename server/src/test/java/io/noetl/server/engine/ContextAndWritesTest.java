package io.noetl.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.PlaybookParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates read workload keys bare, ctx, job and step results as NoETL's do; set writes ctx and vars. */
class ContextAndWritesTest {

    private static final String HEADER = """
            apiVersion: noetl.io/v2
            kind: Playbook
            metadata: {name: ctx_test}
            workload: {message: hello, pg_auth: pg_local}
            """;

    private static Harness run(String workflow) {
        return new Harness(PlaybookParser.parse(HEADER + "workflow:\n" + workflow)).start(Map.of());
    }

    @Test
    void workloadKeysAreReadBareAndCtxAndJobAreDefined() {
        Harness h = run("""
                  - step: start
                    args: {text: "{{ message }} from {{ job.uuid }}", auth: "{{ ctx.pg_auth }}"}
                    tool: {kind: python, code: "result = (message, ctx)"}
                """);
        Command c = h.command("start");
        assertThat(c.context().path("args").path("text").asText()).isEqualTo("hello from " + h.state.executionId());
        assertThat(c.context().path("args").path("auth").asText()).isEqualTo("pg_local");
        assertThat(c.context().path("message").asText()).isEqualTo("hello");
        assertThat(c.context().path("ctx").path("message").asText()).isEqualTo("hello");
    }

    @Test
    void aStepsSetWritesCtxFromItsResultBeforeItsArcsAreEvaluated() {
        Harness h = run("""
                  - step: start
                    tool: {kind: http, url: "http://x"}
                    set:
                      ctx.ok: "{{ result.status == 200 }}"
                      project: "{{ output.data.body.name }}"
                      vars.checked: done
                    next:
                      - step: good
                        when: "{{ ctx.ok }}"
                      - step: bad
                  - step: good
                    args: {p: "{{ project }}", same: "{{ ctx.project }}", checked: "{{ vars.checked }}"}
                    tool: {kind: noop}
                  - step: bad
                    tool: {kind: noop}
                """);
        h.done("start", Map.of("status", 200, "body", Map.of("name", "atlas")));

        assertThat(h.state.ctx()).isEqualTo(Map.of("ok", true, "project", "atlas"));
        assertThat(h.state.vars()).containsEntry("checked", "done");
        Command good = h.command("good");
        assertThat(good.context().path("args").path("p").asText()).isEqualTo("atlas");
        assertThat(good.context().path("args").path("same").asText()).isEqualTo("atlas");
        assertThat(good.context().path("args").path("checked").asText()).isEqualTo("done");
    }

    @Test
    void anArcsSetWritesCtxWhenTheArcIsTaken() {
        Harness h = run("""
                  - step: start
                    tool: {kind: python, code: "result = 1"}
                    next:
                      spec: {mode: exclusive}
                      arcs:
                        - step: process
                          set: {ctx.from_start: "{{ start.data.executed }}"}
                  - step: process
                    args: {seen: "{{ from_start }}"}
                    tool: {kind: noop}
                """);
        h.done("start", Map.of("executed", true));

        assertThat(h.command("process").context().path("args").path("seen").asBoolean()).isTrue();
    }

    @Test
    void ctxWritesAWorkersPipelineReportsAreMergedIntoTheExecution() {
        Harness h = run("""
                  - step: start
                    tool: {kind: python, code: "result = 1"}
                    next: [after]
                  - step: after
                    args: {cursor: "{{ ctx.next_page }}"}
                    tool: {kind: noop}
                """);
        Command start = h.command("start");
        h.open.remove(start);
        h.apply(h.workerEvent(start, EventTypes.CALL_DONE).toBuilder()
                .result(io.noetl.schemas.Json.toTree(Map.of("ok", true)))
                .meta(Map.of("ctx", Map.of("next_page", 3))).build());

        assertThat(h.state.ctx()).containsEntry("next_page", 3);
        assertThat(h.command("after").context().path("args").path("cursor").asInt()).isEqualTo(3);
    }

    @Test
    void stepResultsAreReadThroughDataAsNoetlExposesThem() {
        Harness h = run("""
                  - step: start
                    tool: {kind: python, code: "result = 1"}
                    next: [after]
                  - step: after
                    args: {count: "{{ start.data.count }}", same: "{{ start.result.count }}"}
                    tool: {kind: noop}
                """);
        h.done("start", Map.of("count", 4));

        Command after = h.command("after");
        assertThat(after.context().path("args").path("count").asInt()).isEqualTo(4);
        assertThat(after.context().path("args").path("same").asInt()).isEqualTo(4);
        h.done(after, Map.of());
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
    }
}

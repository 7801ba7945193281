package io.noetl.worker.tool.pipeline;

import static io.noetl.worker.Commands.pipeline;
import static io.noetl.worker.Commands.rule;
import static io.noetl.worker.Commands.run;
import static io.noetl.worker.Commands.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.embedded.LoopbackPorts;
import io.noetl.schemas.Json;
import io.noetl.schemas.command.TaskRule;
import io.noetl.worker.tool.ToolOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task pipelines run for real (python3, /bin/sh, DuckDB) with NoETL's task policies. */
class PipelineRunTest {

    private static final Map<String, Object> CONTEXT = Map.of("workload", Map.of("n", 3));

    @TempDir
    Path dir;

    private static List<Map<String, Object>> trail(ToolOutcome outcome) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) outcome.meta().get("tasks");
        return tasks;
    }

    @Test
    @DisplayName("tasks run in order, each seeing _prev, _task and results; the result is the last one's plus results")
    void tasksRunInOrderWithPipelineLocals() throws Exception {
        ToolOutcome out = run(pipeline(List.of(
                task("fetch", "python", Map.of("code", "result = {'rows': [1, 2, workload['n']]}"), List.of(), null),
                task("count", "duckdb", Map.of("query", "SELECT {{ _prev.rows | length }} AS n, '{{ _task }}' AS t"),
                        List.of(), null),
                task("report", "python", Map.of("code",
                        "result = {'n': _prev['rows'][0]['n'], 'seen': sorted(results), 'first': results.fetch.rows}"),
                        List.of(), null)), CONTEXT, null)).outcome();
        JsonNode result = ((ToolOutcome.Succeeded) out).result();
        assertThat(result.path("n").asInt()).isEqualTo(3);
        assertThat(result.path("seen").toString()).isEqualTo("[\"count\",\"fetch\"]");
        assertThat(result.path("first").toString()).isEqualTo("[1,2,3]");
        assertThat(result.path("results").path("count").path("rows").get(0).path("t").asText()).isEqualTo("count");
        assertThat(result.path("results").path("report").path("n").asInt()).isEqualTo(3);
        assertThat(trail(out)).extracting(t -> t.get("task")).containsExactly("fetch", "count", "report");
    }

    @Test
    @DisplayName("retry re-runs the failing task with _attempt counting, then goes on when it succeeds")
    void retryReRunsTheTaskUntilItSucceeds() throws Exception {
        Path counter = dir.resolve("count");
        TaskRule retry = new TaskRule("{{ outcome.status == 'error' }}", "retry", 4, "fixed", 20L, null, null);
        ToolOutcome out = run(pipeline(List.of(
                task("flaky", "shell", Map.of("cmds", List.of("echo {{ _attempt }} >> " + counter,
                        "test $(wc -l < " + counter + ") -ge 3")), List.of(retry), null),
                task("after", "python", Map.of("code", "result = {'prev_exit': _prev['exit_code']}"), List.of(),
                        null)), CONTEXT, null)).outcome();
        assertThat(((ToolOutcome.Succeeded) out).result().path("prev_exit").asInt()).isZero();
        assertThat(java.nio.file.Files.readAllLines(counter)).containsExactly("1", "2", "3");
        assertThat(trail(out)).extracting(t -> t.get("attempt") + ":" + t.get("status") + ":" + t.get("do"))
                .containsExactly("1:error:retry", "2:error:retry", "3:ok:continue", "1:ok:continue");
    }

    @Test
    @DisplayName("a retry that runs out fails the pipeline with the task's error, meta.task naming the task")
    void exhaustedRetriesFailWithTheTasksError() throws Exception {
        TaskRule retry = new TaskRule("{{ output.status == 'error' and output.error.kind == 'ShellError' }}", "retry",
                2, "exponential", 10L, null, null);
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(pipeline(List.of(
                task("broken", "shell", Map.of("command", "echo nope >&2; exit 7"), List.of(retry), null),
                task("never", "noop", Map.of(), List.of(), null)), CONTEXT, null)).outcome();
        assertThat(failed.error().type()).isEqualTo("ShellError");
        assertThat(failed.error().message()).contains("code 7").endsWith("(task 'broken' failed all 2 attempts)");
        assertThat(failed.meta().get("task")).isEqualTo("broken");
        assertThat(trail(failed)).hasSize(2);
    }

    @Test
    @DisplayName("jump pages through with iter writes until the condition turns false (NoETL's pagination pattern)")
    void jumpPaginatesWithIterWrites() throws Exception {
        ToolOutcome out = run(pipeline(List.of(
                task("init", "noop", Map.of(), List.of(new TaskRule(null, "continue", null, null, null, null,
                        Json.toTree(Map.of("iter.page", 1)))), null),
                task("fetch_page", "python", Map.of("code",
                        "result = {'page': iter['page'], 'has_more': iter['page'] < 3}"),
                        List.of(new TaskRule(null, "continue", null, null, null, null, Json.toTree(Map.of(
                                "iter.has_more", "{{ output.data.has_more }}",
                                "ctx.last_page", "{{ output.data.page }}")))), null),
                task("paginate", "noop", Map.of(), List.of(
                        new TaskRule("{{ iter.has_more }}", "jump", null, null, null, "fetch_page",
                                Json.toTree(Map.of("iter.page", "{{ iter.page + 1 }}"))),
                        rule(null, "continue")), null),
                task("done", "python", Map.of("code", "result = {'last': last_page, 'ctx_last': ctx['last_page']}"),
                        List.of(), null)), CONTEXT, null)).outcome();
        JsonNode result = ((ToolOutcome.Succeeded) out).result();
        assertThat(result.path("last").asInt()).isEqualTo(3);
        assertThat(result.path("ctx_last").asInt()).isEqualTo(3);
        assertThat(out.meta().get("ctx")).isEqualTo(Map.of("last_page", 3));
        assertThat(trail(out)).extracting(t -> t.get("task")).containsExactly("init", "fetch_page", "paginate",
                "fetch_page", "paginate", "fetch_page", "paginate", "done");
    }

    @Test
    @DisplayName("break ends the pipeline successfully at once; fail fails it even when the task succeeded (the rule"
            + " reads output.response, as NoETL's older playbooks do)")
    void breakEndsSuccessfullyAndFailFailsBySuccessfulTask() throws Exception {
        ToolOutcome stop = run(pipeline(List.of(
                task("first", "python", Map.of("code", "result = {'v': 1}"), List.of(rule(null, "break")), null),
                task("never", "shell", Map.of("command", "exit 1"), List.of(), null)), CONTEXT, null)).outcome();
        assertThat(((ToolOutcome.Succeeded) stop).result().path("v").asInt()).isEqualTo(1);
        assertThat(trail(stop)).hasSize(1);
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(pipeline(List.of(
                task("validate", "python", Map.of("code", "result = {'status': 'error', 'message': 'no rows'}"),
                        List.of(rule("{{ output.response.status == 'error' }}", "fail"), rule(null, "continue")), null),
                task("never", "noop", Map.of(), List.of(), null)), CONTEXT, null)).outcome();
        assertThat(failed.error().type()).isEqualTo("PolicyFailure");
        assertThat(failed.error().message()).contains("task 'validate'").contains("rule 1");
        assertThat(failed.error().retriable()).isFalse();
        assertThat(failed.result().path("message").asText()).isEqualTo("no rows");
        assertThat(failed.meta().get("task")).isEqualTo("validate");
    }

    @Test
    @DisplayName("continue after an error goes on with the next task; without a rule an error fails the pipeline")
    void continueAfterAnErrorAndTheDefaultPolicy() throws Exception {
        String closed = "http://127.0.0.1:" + LoopbackPorts.free() + "/x";
        ToolOutcome out = run(pipeline(List.of(
                task("call", "http", Map.of("url", closed),
                        List.of(rule("{{ output.status == 'error' and output.error.retryable }}", "continue")), null),
                task("fallback", "python", Map.of("code", "result = {'prev': _prev, 'ok': True}"), List.of(), null)),
                CONTEXT, null)).outcome();
        assertThat(out).as(String.valueOf(out)).isInstanceOf(ToolOutcome.Succeeded.class);
        assertThat(((ToolOutcome.Succeeded) out).result().path("ok").asBoolean()).isTrue();
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(pipeline(List.of(
                task("call", "http", Map.of("url", closed), List.of(), null),
                task("never", "noop", Map.of(), List.of(), null)), CONTEXT, null)).outcome();
        assertThat(failed.error().type()).isEqualTo("ConnectionError");
        assertThat(failed.error().retriable()).isTrue();
        assertThat(failed.meta().get("task")).isEqualTo("call");
    }

    @Test
    @DisplayName("a task's set makes a bare key readable by later tasks and travels in meta.ctx")
    void aTasksSetIsReadableByLaterTasks() throws Exception {
        ToolOutcome out = run(pipeline(List.of(
                task("validate", "python", Map.of("code", "result = {'count': 2}"), List.of(),
                        Map.of("validate_result", "{{ output.data }}")),
                task("transform", "python", Map.of("input", Map.of("prev", "{{ validate_result }}"),
                        "code", "result = {'items': prev['count'] * 10}"), List.of(), null)), CONTEXT, null))
                .outcome();
        assertThat(((ToolOutcome.Succeeded) out).result().path("items").asInt()).isEqualTo(20);
        assertThat(out.meta().get("ctx")).isEqualTo(Map.of("validate_result", Map.of("count", 2)));
    }

    @Test
    @DisplayName("a jump to an unknown task, and a broken when, fail the pipeline naming the task")
    void aJumpToAnUnknownTaskAndABrokenWhenFail() throws Exception {
        ToolOutcome.Failed jump = (ToolOutcome.Failed) run(pipeline(List.of(
                task("a", "noop", Map.of(), List.of(new TaskRule(null, "jump", null, null, null, "nowhere", null)),
                        null)), CONTEXT, null)).outcome();
        assertThat(jump.error().type()).isEqualTo("PipelineError");
        assertThat(jump.error().message()).contains("task 'a'").contains("unknown task 'nowhere'");
        ToolOutcome.Failed when = (ToolOutcome.Failed) run(pipeline(List.of(
                task("b", "noop", Map.of(), List.of(rule("{{ output.status == }}", "fail")), null)), CONTEXT, null))
                .outcome();
        assertThat(when.error().type()).isEqualTo("TemplateError");
        assertThat(when.error().message()).startsWith("task 'b' policy: ");
    }

    @Test
    @DisplayName("the time limit covers the whole pipeline; a kind not run here fails naming its task")
    void theTimeLimitCoversThePipelineAndUnsupportedKindsNameTheTask() throws Exception {
        long start = System.nanoTime();
        ToolOutcome.Failed slow = (ToolOutcome.Failed) run(pipeline(List.of(
                task("one", "shell", Map.of("command", "sleep 0.4"), List.of(), null),
                task("two", "shell", Map.of("command", "sleep 5"), List.of(), null)), CONTEXT, 700L)).outcome();
        assertThat(slow.error().type()).isEqualTo("Timeout");
        assertThat(slow.meta().get("task")).isEqualTo("two");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
        ToolOutcome.Failed container = (ToolOutcome.Failed) run(pipeline(List.of(
                task("prep", "noop", Map.of(), List.of(), null),
                task("job", "container", Map.of("runtime", Map.of("image", "x")), List.of(), null)), CONTEXT, null))
                .outcome();
        assertThat(container.error().message()).startsWith("tool kind 'container' is not supported here");
        assertThat(container.meta().get("task")).isEqualTo("job");
    }

    @Test
    @DisplayName("when sees output.http.status and output.data as the response body; a 503 retried out stays retriable")
    void httpOutcomeHelpersDriveRetries() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext("/", ex -> {
            int n = calls.incrementAndGet();
            byte[] body = ("{\"meta\":{\"page\":" + n + "}}").getBytes();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/down") ? 503 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            TaskRule retry = new TaskRule("{{ output.status == 'error' and output.http.status in [429, 500, 503] }}",
                    "retry", 2, "linear", 10L, null, null);
            ToolOutcome.Failed down = (ToolOutcome.Failed) run(pipeline(List.of(
                    task("call", "http", Map.of("url", base + "/down"), List.of(retry), null)), CONTEXT, null))
                    .outcome();
            assertThat(down.error().retriable()).isTrue();
            assertThat(down.result().path("status").asInt()).isEqualTo(503);
            assertThat(calls.get()).isEqualTo(2);
            ToolOutcome ok = run(pipeline(List.of(
                    task("call", "http", Map.of("url", base + "/up"), List.of(new TaskRule(null, "continue", null,
                            null, null, null, Json.toTree(Map.of("ctx.page", "{{ output.data.meta.page }}")))), null)),
                    CONTEXT, null)).outcome();
            assertThat(ok.meta().get("ctx")).isEqualTo(Map.of("page", 3));
            assertThat(((ToolOutcome.Succeeded) ok).result().path("status").asInt()).isEqualTo(200);
        } finally {
            server.stop(0);
        }
    }

    @Test
    @DisplayName("the call event carries meta.task, meta.tasks and meta.ctx, with keychain values hidden in them")
    void theCallEventCarriesTheTrailRedacted() throws Exception {
        var command = pipeline(List.of(
                task("remember", "noop", Map.of(), List.of(new TaskRule(null, "continue", null, null, null, null,
                        Json.toTree(Map.of("ctx.auth", "Bearer {{ keychain.tok }}")))), null),
                task("fail", "shell", Map.of("command", "exit 3"), List.of(), null)), CONTEXT, null);
        command = new io.noetl.schemas.command.Command(command.commandId(), command.executionId(), null,
                command.playbookPath(), 1, command.step(), command.toolKind(), "default", 1, null, command.tool(),
                command.context(), List.of(new io.noetl.schemas.playbook.KeychainEntry("tok", "secret",
                "tok-very-secret-1", null)), null, command.issuedAt(), command.issuedEventId(), command.tasks(), null);
        var ex = run(command);
        var event = new io.noetl.worker.event.WorkerEvents(command, 1, "w1").call(ex.outcome(), 10,
                new io.noetl.worker.redact.Redactor(ex.keychain().secrets()));
        assertThat(event.eventType()).isEqualTo("call.error");
        assertThat(event.meta().get("task")).isEqualTo("fail");
        assertThat(Json.string(event.meta())).contains("\"tasks\"").contains("\"ctx\"")
                .doesNotContain("tok-very-secret-1");
    }
}

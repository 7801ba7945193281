package io.noetl.worker.event;

import static io.noetl.worker.Commands.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Json;
import io.noetl.schemas.SchemaValidator;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.worker.redact.Redactor;
import io.noetl.worker.tool.ToolOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkerEventsTest {

    private final WorkerEvents events = new WorkerEvents(command("http", Map.of("url", "http://x/")), 1, "w-1");

    @Test
    @DisplayName("every published error carries its class, found from the type, message, HTTP status and tool")
    void publishedErrorsAreClassified() {
        ToolOutcome.Failed unavailable = new ToolOutcome.Failed(ErrorInfo.retriable("HttpError",
                "HTTP 503 from GET http://x/"), null, null, Map.of("http_status", 503));
        ToolOutcome.Failed throttled = new ToolOutcome.Failed(ErrorInfo.retriable("HttpError", "GET http://x/"),
                null, null, Map.of("http_status", 429));
        ToolOutcome.Failed cancelled = ToolOutcome.Failed.fatal("Cancelled", "execution E was cancelled");

        assertThat(events.call(unavailable, 5, Redactor.patternsOnly()).error().errorClass())
                .isEqualTo("dependency_5xx");
        assertThat(events.call(throttled, 5, Redactor.patternsOnly()).error().errorClass())
                .isEqualTo("rate_limited");
        Event terminal = events.terminal(cancelled, 5, Redactor.patternsOnly());
        assertThat(terminal.error().errorClass()).isEqualTo("cancelled");
        assertThat(SchemaValidator.validate(SchemaValidator.EVENT, Json.toTree(terminal))).isEmpty();
    }

    @Test
    @DisplayName("a class the tool gave is kept; the logs count when there is no stack")
    void toolsClassIsKeptAndLogsCount() {
        ToolOutcome.Failed given = new ToolOutcome.Failed(ErrorInfo.fatal("ShellError", "exit 1")
                .withClass(ErrorClass.DATA_QUALITY), null, null, Map.of());
        ToolOutcome.Failed fromLogs = new ToolOutcome.Failed(ErrorInfo.fatal("ShellError",
                "command exited with code 1"), null, "psql: error: connection refused", Map.of());
        assertThat(events.call(given, 1, Redactor.patternsOnly()).error().errorClass()).isEqualTo("data_quality");
        assertThat(events.call(fromLogs, 1, Redactor.patternsOnly()).error().errorClass()).isEqualTo("connection");
    }

    @Test
    @DisplayName("the message is redacted before it is published and the class is found all the same")
    void redactionKeepsTheClass() {
        ToolOutcome.Failed failed = new ToolOutcome.Failed(ErrorInfo.fatal("PythonError",
                "psycopg2.OperationalError: FATAL: password authentication failed for user \"etl\" (pw hunter2)"),
                null, null, Map.of());
        Event e = events.call(failed, 1, new Redactor(List.of("hunter2")));
        assertThat(e.error().message()).doesNotContain("hunter2").contains("***");
        assertThat(e.error().errorClass()).isEqualTo("auth");
    }

    @Test
    @DisplayName("a result over the limit keeps its small fields; the large ones become previews named in meta")
    void anOversizedResultKeepsItsSmallFields() {
        Map<String, Object> nested = Map.of("count", 2, "rows", "r".repeat(80_000));
        ToolOutcome.Succeeded big = ToolOutcome.Succeeded.of(Json.toTree(Map.of("status", "success", "size_kb", 900,
                "blob", "x".repeat(900 * 1024), "detail", nested)));
        Event event = events.call(big, 5, Redactor.patternsOnly());
        assertThat(event.result().path("size_kb").asInt()).isEqualTo(900);
        assertThat(event.result().path("status").asText()).isEqualTo("success");
        assertThat(event.result().path("blob").path("truncated").asBoolean()).isTrue();
        assertThat(event.result().path("blob").path("size").asInt()).isGreaterThan(900 * 1024);
        assertThat(event.result().path("detail").path("count").asInt()).isEqualTo(2);
        assertThat(Json.string(event.result()).length()).isLessThan(64 * 1024);
        assertThat(event.meta().get("truncated")).isEqualTo(List.of("result.blob", "result.detail.rows"));
        assertThat(SchemaValidator.validate(SchemaValidator.EVENT, Json.toTree(event))).isEmpty();
    }
}

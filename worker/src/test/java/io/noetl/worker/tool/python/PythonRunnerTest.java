package io.noetl.worker.tool.python;

import static io.noetl.worker.Commands.command;
import static io.noetl.worker.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.worker.tool.ToolExecution;
import io.noetl.worker.tool.ToolOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PythonRunnerTest {

    @Test
    void setsResultFromCodeWithContextVariablesAndKeepsPrintsInLogs() throws Exception {
        ToolExecution ex = run(command("python", Map.of("code", """
                        print("hello from step")
                        result = {"double": workload["n"] * 2, "prev": fetch.rows, "eid": execution_id,
                                  "args": args, "when": __import__('datetime').date(2024, 1, 2)}
                        """),
                Map.of("workload", Map.of("n", 21), "fetch", Map.of("rows", List.of(1, 2)), "execution_id", "E1"),
                List.of(), null));
        assertThat(ex.outcome()).isInstanceOf(ToolOutcome.Succeeded.class);
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) ex.outcome();
        assertThat(ok.result().path("double").asInt()).isEqualTo(42);
        assertThat(ok.result().path("prev").toString()).isEqualTo("[1,2]");
        assertThat(ok.result().path("eid").asText()).isEqualTo("E1");
        assertThat(ok.result().path("args").isObject()).isTrue();
        assertThat(ok.result().path("when").asText()).isEqualTo("2024-01-02");
        assertThat(ok.logs()).contains("hello from step");
    }

    @Test
    void reportsAnExceptionAsPythonErrorWithTracebackNotRetriable() throws Exception {
        ToolExecution ex = run(command("python", Map.of("code", "x = 1\nresult = x / 0\n")));
        ToolOutcome.Failed failed = (ToolOutcome.Failed) ex.outcome();
        assertThat(failed.error().type()).isEqualTo("PythonError");
        assertThat(failed.error().message()).isEqualTo("ZeroDivisionError: division by zero");
        assertThat(failed.error().stack()).contains("Traceback").contains("line 2");
        assertThat(failed.error().retriable()).isFalse();
    }

    @Test
    @DisplayName("an exception re-raised with a note keeps its type and message first, the note after")
    void noteDoesNotHideTheExceptionsTypeAndMessage() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("python", Map.of("code", """
                try:
                    {}["customer_id"]
                except KeyError as e:
                    e.add_note("while reading row 3 of orders.csv")
                    raise
                """))).outcome();
        assertThat(failed.error().message())
                .isEqualTo("KeyError: 'customer_id'\nnote: while reading row 3 of orders.csv");
    }

    @Test
    @DisplayName("a chained exception reports the raised one first, then what it was caused by, with module names")
    void chainedExceptionsAreReportedRaisedFirstThenTheirCauses() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("python", Map.of("code", """
                import json
                class LoadError(Exception):
                    pass
                try:
                    try:
                        json.loads("{not json")
                    except ValueError as bad:
                        raise ConnectionRefusedError(111, "Connection refused") from bad
                except OSError as e:
                    err = LoadError("could not load orders")
                    err.add_note("source: http://orders-api:8080")
                    raise err
                """))).outcome();
        assertThat(failed.error().message().lines().toList()).containsExactly(
                "LoadError: could not load orders",
                "note: source: http://orders-api:8080",
                "while handling: ConnectionRefusedError: [Errno 111] Connection refused",
                "caused by: json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: "
                        + "line 1 column 2 (char 1)");
        assertThat(failed.error().stack()).contains("Traceback");
    }

    @Test
    void killsAHangingScriptAtItsTimeLimitAsRetriableTimeout() throws Exception {
        long start = System.nanoTime();
        ToolExecution ex = run(command("python", Map.of("code", "print('going to sleep', flush=True)\n"
                        + "import time\ntime.sleep(60)\n"), Map.of(), List.of(), 700L));
        long ms = (System.nanoTime() - start) / 1_000_000;
        ToolOutcome.Failed failed = (ToolOutcome.Failed) ex.outcome();
        assertThat(failed.error().type()).isEqualTo("Timeout");
        assertThat(failed.error().retriable()).isTrue();
        assertThat(failed.logs()).contains("going to sleep");
        assertThat(ms).isLessThan(5_000);
    }

    @Test
    void fallsBackToStrForResultsThatAreNotJson() throws Exception {
        ToolExecution ex = run(command("python", Map.of("code", "result = object()\n")));
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) ex.outcome();
        assertThat(ok.result().asText()).startsWith("<object object at");
    }
}

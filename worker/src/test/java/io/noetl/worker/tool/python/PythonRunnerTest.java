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

    @Test
    @DisplayName("the keys of input and args are variables of the code, all of them input_data; a dict literal in a"
            + " string becomes a dict")
    void inputAndArgsKeysAreBoundAsVariables() throws Exception {
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("python", Map.of(
                "args", Map.of("base", 10), "input", Map.of("n", "{{ workload.n }}", "cfg", "{'mode': 'fast'}"),
                "code", "result = {'sum': base + n, 'mode': cfg['mode'], 'whole': input_data.get('n')}"))).outcome();
        assertThat(ok.result().path("whole").asInt()).isEqualTo(3);
        assertThat(ok.result().path("sum").asInt()).isEqualTo(13);
        assertThat(ok.result().path("mode").asText()).isEqualTo("fast");
    }

    @Test
    @DisplayName("libs are imported before the code: alias -> module and alias -> {from, import}")
    void libsAreImportedBeforeTheCode() throws Exception {
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("python", Map.of(
                "libs", Map.of("b64", "base64", "dt", Map.of("from", "datetime", "import", "date"), "math", "math"),
                "code", "result = [b64.b64encode(b'hi').decode(), dt(2024, 5, 6).isoformat(), math.floor(2.7)]")))
                .outcome();
        assertThat(ok.result().toString()).isEqualTo("[\"aGk=\",\"2024-05-06\",2]");
    }

    @Test
    void aLibThatCannotBeImportedFailsNamingTheImport() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("python", Map.of(
                "libs", Map.of("pdx", "no_such_module_xyz"), "code", "result = 1"))).outcome();
        assertThat(failed.error().type()).isEqualTo("PythonError");
        assertThat(failed.error().message()).contains("import no_such_module_xyz as pdx")
                .contains("No module named 'no_such_module_xyz'");
    }

    @Test
    @DisplayName("main(...) returns the result: parameters by name from input, then the context; defaults apply")
    void mainReturnsTheResultWithParametersBoundByName() throws Exception {
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("python", Map.of(
                "input", Map.of("name", "ann", "extra", 1),
                "code", """
                        def main(name, workload, count=2, context=None, **rest):
                            return {"greet": [name] * count, "n": workload["n"], "eid": context["execution_id"],
                                    "rest": sorted(rest)}
                        """), Map.of("workload", Map.of("n", 3), "execution_id", "E9"), List.of(), null)).outcome();
        assertThat(ok.result().path("greet").toString()).isEqualTo("[\"ann\",\"ann\"]");
        assertThat(ok.result().path("n").asInt()).isEqualTo(3);
        assertThat(ok.result().path("eid").asText()).isEqualTo("E9");
        assertThat(ok.result().path("rest").toString()).isEqualTo("[\"extra\"]");
    }

    @Test
    void anAsyncMainIsAwaitedAndAMissingArgumentIsNamed() throws Exception {
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("python", Map.of("code", """
                async def main():
                    return {"async": True}
                """))).outcome();
        assertThat(ok.result().path("async").asBoolean()).isTrue();
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("python", Map.of("code",
                "def main(customer_id):\n    return customer_id\n"))).outcome();
        assertThat(failed.error().message()).contains("main() needs argument 'customer_id'");
    }

    @Test
    @DisplayName("code comes from spec.code, or from a script (inline source rendered, or a file defining main)")
    void codeComesFromSpecCodeOrAScript(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ToolOutcome.Succeeded spec = (ToolOutcome.Succeeded) run(command("python", Map.of(
                "spec", Map.of("code", "result = 'from spec'")))).outcome();
        assertThat(spec.result().asText()).isEqualTo("from spec");
        ToolOutcome.Succeeded inline = (ToolOutcome.Succeeded) run(command("python", Map.of("script", Map.of(
                "uri", "inline", "source", Map.of("type", "inline", "code", "{{ workload.code }}"))),
                Map.of("workload", Map.of("code", "result = {'status': 'success'}")), List.of(), null)).outcome();
        assertThat(inline.result().path("status").asText()).isEqualTo("success");
        java.nio.file.Path file = dir.resolve("hello.py");
        java.nio.file.Files.writeString(file, "def main(name='World', count=1):\n    return [name] * count\n");
        ToolOutcome.Succeeded fromFile = (ToolOutcome.Succeeded) run(command("python", Map.of(
                "script", Map.of("uri", file.toString(), "source", Map.of("type", "file")),
                "input", Map.of("name", "file", "count", 2)))).outcome();
        assertThat(fromFile.result().toString()).isEqualTo("[\"file\",\"file\"]");
    }

    @Test
    void withoutMainTheResultVariableStaysTheResult() throws Exception {
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("python", Map.of("code",
                "def helper():\n    return 5\nresult = helper() + len(json.dumps({}))"))).outcome();
        assertThat(ok.result().asInt()).isEqualTo(7);
    }

    @Test
    @DisplayName("code that returns at its top level has the returned value as its result")
    void aTopLevelReturnIsTheResult() throws Exception {
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("python", Map.of("code", """
                n = input_data.get('num')
                result = n * 2
                if n > 1:
                    return {"number": n, "doubled": result, "text": \"""two
                  lines\"""}
                return {"small": True}
                """, "input", Map.of("num", 3)))).outcome();
        assertThat(ok.result().path("doubled").asInt()).isEqualTo(6);
        assertThat(ok.result().path("text").asText()).isEqualTo("two\n  lines");

        ToolOutcome.Succeeded bare = (ToolOutcome.Succeeded) run(command("python", Map.of("code",
                "result = {'kept': 1}\nreturn"))).outcome();
        assertThat(bare.result().path("kept").asInt()).as("a bare return keeps what result holds").isEqualTo(1);

        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("python", Map.of("code",
                "a = 1\n\nraise ValueError('boom')\nreturn a"))).outcome();
        assertThat(failed.error().message()).isEqualTo("ValueError: boom");
        assertThat(failed.error().stack()).contains("line 3").doesNotContain("<module>");
    }

    @Test
    @DisplayName("an input named result reaches the code, which may replace it with its own result")
    void anInputNamedResultIsBound() throws Exception {
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("python", Map.of("code", """
                assert result['status'] == 'success', result
                result = {"checked": result['status']}
                """, "input", Map.of("result", Map.of("status", "success"))))).outcome();
        assertThat(ok.result().path("checked").asText()).isEqualTo("success");
    }
}

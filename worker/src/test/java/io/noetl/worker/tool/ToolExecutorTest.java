package io.noetl.worker.tool;

import static io.noetl.worker.Commands.command;
import static io.noetl.worker.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.command.Command;
import io.noetl.schemas.playbook.KeychainEntry;
import io.noetl.worker.cancel.CancelRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ToolExecutorTest {

    @Test
    void noopReturnsTheRenderedArgs() throws Exception {
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("noop", Map.of(),
                Map.of("workload", Map.of("n", 5), "args", Map.of("v", "{{ workload.n }}", "k", "x")), List.of(), null))
                .outcome();
        assertThat(ok.result().path("v").asInt()).isEqualTo(5);
        assertThat(ok.result().path("k").asText()).isEqualTo("x");
    }

    @Test
    void aMissingEnvironmentVariableFailsNamingTheEntryAndTheVariable() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("noop", Map.of(), Map.of(),
                List.of(new KeychainEntry("api", "secret", null, "NOETL_TEST_UNSET_VAR")), null)).outcome();
        assertThat(failed.error().type()).isEqualTo("KeychainError");
        assertThat(failed.error().message()).contains("'api'").contains("NOETL_TEST_UNSET_VAR");
        assertThat(failed.error().retriable()).isFalse();
    }

    @Test
    void keychainValuesFromTheEnvironmentAreRenderedIntoTheTool() throws Exception {
        Command c = command("shell", Map.of("command", "echo {{ keychain.api }}"), Map.of(),
                List.of(new KeychainEntry("api", "secret", null, "MY_TOKEN")), null);
        ToolExecution ex = run(c, Map.of("MY_TOKEN", "tok-42"), new CancelRegistry());
        assertThat(((ToolOutcome.Succeeded) ex.outcome()).result().path("stdout").asText()).isEqualTo("tok-42\n");
        assertThat(ex.keychain().secrets()).containsExactly("tok-42");
    }

    @Test
    void anUndefinedTemplateVariableIsANotRetriableTemplateError() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("http",
                Map.of("url", "{{ nowhere.url }}"))).outcome();
        assertThat(failed.error().type()).isEqualTo("TemplateError");
        assertThat(failed.error().retriable()).isFalse();
    }

    @Test
    void aCrashingToolIsLoggedWithItsKeychainValuesRedacted() throws Exception {
        ToolRunner crashing = new ToolRunner() {
            @Override
            public String kind() {
                return "shell";
            }

            @Override
            public ToolOutcome run(ToolCall call) {
                throw new IllegalStateException("connect postgresql://app:" + call.keychain().secrets().get(0) + "@db/x");
            }

            @Override
            public boolean mayBlock() {
                return true;
            }
        };
        Command c = command("shell", Map.of("command", "true"), Map.of(),
                List.of(new KeychainEntry("pg_password", "secret", null, "PG_PASS")), null);
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        ToolOutcome.Failed failed;
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            failed = (ToolOutcome.Failed) new ToolExecutor(Map.of("shell", crashing),
                    new io.noetl.worker.keychain.KeychainResolver(Map.of("PG_PASS", "hunter2-very-secret")),
                    java.time.Duration.ofSeconds(5), new CancelRegistry()).execute(c).outcome();
        } finally {
            System.setErr(stderr);
        }
        assertThat(failed.error().type()).isEqualTo("InternalError");
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log).contains("crashed").contains("***").doesNotContain("hunter2-very-secret");
    }

    @Test
    void playbookAndUnknownToolsAreUnsupported() throws Exception {
        assertThat(((ToolOutcome.Failed) run(command("playbook", Map.of("path", "x"))).outcome()).error().type())
                .isEqualTo("UnsupportedTool");
        assertThat(((ToolOutcome.Failed) run(command("teleport", Map.of())).outcome()).error().type())
                .isEqualTo("UnsupportedTool");
    }

    @Test
    @DisplayName("a NoETL kind that needs a service this product does not run fails at once, naming the kind and why")
    void kindsNeedingServicesNotRunHereFailNamingTheKind() throws Exception {
        for (String kind : List.of("container", "snowflake", "ducklake", "agent")) {
            ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command(kind, Map.of("x", "{{ workload.n }}")))
                    .outcome();
            assertThat(failed.error().type()).isEqualTo("UnsupportedTool");
            assertThat(failed.error().message()).startsWith("tool kind '" + kind + "' is not supported here: ");
            assertThat(failed.error().retriable()).isFalse();
        }
        assertThat(((ToolOutcome.Failed) run(command("teleport", Map.of())).outcome()).error().message())
                .startsWith("tool kind 'teleport' is not supported here: unknown tool kind (this worker runs ")
                .contains("python");
    }

    @Test
    void aCancelRequestStopsTheExecutionsRunningToolAsCancelled() throws Exception {
        CancelRegistry cancels = new CancelRegistry();
        Command c = command("shell", Map.of("command", "sleep 30"));
        CompletableFuture<ToolExecution> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(c, Map.of(), cancels);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().until(() -> cancels.cancel(c.executionId()) > 0);
        ToolOutcome.Failed failed = (ToolOutcome.Failed) running.get(5, java.util.concurrent.TimeUnit.SECONDS).outcome();
        assertThat(failed.error().type()).isEqualTo("Cancelled");
        assertThat(failed.error().retriable()).isFalse();
    }
}

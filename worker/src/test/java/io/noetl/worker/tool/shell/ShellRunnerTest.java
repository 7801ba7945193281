package io.noetl.worker.tool.shell;

import static io.noetl.worker.Commands.command;
import static io.noetl.worker.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.playbook.KeychainEntry;
import io.noetl.worker.tool.ToolOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellRunnerTest {

    @TempDir
    Path dir;

    @Test
    void runsACommandWithEnvAndCwdAndReturnsExitCodeAndStdout() throws Exception {
        Files.writeString(dir.resolve("marker.txt"), "here");
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("shell", Map.of(
                "command", "echo \"$GREETING {{ workload.n }}\"; cat marker.txt; echo warn >&2",
                "env", Map.of("GREETING", "hi"), "cwd", dir.toString()))).outcome();
        assertThat(ok.result().path("exit_code").asInt()).isZero();
        assertThat(ok.result().path("stdout").asText()).isEqualTo("hi 3\nhere");
        assertThat(ok.logs()).isEqualTo("warn\n");
    }

    @Test
    void reportsANonZeroExitAsShellErrorWithTheStderrTail() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("shell",
                Map.of("command", "echo partial; echo 'no such table' >&2; exit 3"))).outcome();
        assertThat(failed.error().type()).isEqualTo("ShellError");
        assertThat(failed.error().message()).contains("code 3").contains("no such table");
        assertThat(failed.error().retriable()).isFalse();
        assertThat(failed.result().path("exit_code").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("a failure keeps the tail of stdout too, where tools such as dbt report what failed")
    void failureKeepsTheTailOfStdoutToo() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("shell", Map.of("command", """
                for i in $(seq 1 200); do echo "12:00:0$((i % 10))  progress line $i"; done
                echo "Failure in test not_null_orders_id (models/schema.yml)"
                echo "  Got 37 results, configured to fail if != 0"
                echo "Completed with 1 error" >&2
                exit 1
                """))).outcome();
        String message = failed.error().message();
        assertThat(message).startsWith("command exited with code 1: Completed with 1 error\nstdout: ")
                .contains("Failure in test not_null_orders_id").endsWith("configured to fail if != 0")
                .doesNotContain("progress line 1\n");
        assertThat(message.length()).isLessThan(1_200);
    }

    @Test
    @DisplayName("stdout kept in a failure is redacted before it is cut: no part of a keychain value survives")
    void stdoutInAFailureIsRedactedBeforeItIsCut() throws Exception {
        String secret = "s3cr3t-" + "v".repeat(60);
        var ex = run(command("shell", Map.of("command", "printf '%s' \"$TOKEN\"; printf 'y%.0s' $(seq 1 1000); "
                        + "exit 2", "env", Map.of("TOKEN", "{{ keychain.tok }}")), Map.of(),
                List.of(new KeychainEntry("tok", "secret", secret, null)), null));
        ToolOutcome.Failed failed = (ToolOutcome.Failed) ex.outcome();
        assertThat(failed.error().message()).contains("stdout: ").doesNotContain("s3cr3t").doesNotContain("vvvv");
    }

    @Test
    @DisplayName("cmds run in order, each through /bin/sh -c, sharing env and cwd; the result keeps every command")
    void cmdsRunInOrderAndTheResultKeepsEachCommand() throws Exception {
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("shell", Map.of(
                "cmds", List.of("echo one > first.txt", "cat first.txt; echo \"$GREETING {{ workload.n }}\"", """
                        echo multi
                        echo line >&2
                        """),
                "env", Map.of("GREETING", "hi"), "cwd", dir.toString()))).outcome();
        assertThat(ok.result().path("stdout").asText()).isEqualTo("one\nhi 3\nmulti\n");
        assertThat(ok.result().path("stderr").asText()).isEqualTo("line\n");
        assertThat(ok.result().path("returncode").asInt()).isZero();
        assertThat(ok.result().path("commands")).hasSize(3);
        assertThat(ok.result().path("commands").get(2).path("cmd_preview").asText()).isEqualTo("echo multi");
        assertThat(ok.logs()).isEqualTo("line\n");
    }

    @Test
    @DisplayName("cmds stop at the first command that fails; the error names it and the later ones never run")
    void cmdsStopAtTheFirstFailure() throws Exception {
        Path later = dir.resolve("later.txt");
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("shell", Map.of(
                "cmds", List.of("echo ok", "echo 'relation missing' >&2; exit 4", "touch " + later)))).outcome();
        assertThat(failed.error().type()).isEqualTo("ShellError");
        assertThat(failed.error().message()).startsWith("command 2 of 3 (echo 'relation missing' >&2; exit 4) exited "
                + "with code 4: relation missing");
        assertThat(failed.result().path("exit_code").asInt()).isEqualTo(4);
        assertThat(failed.result().path("stdout").asText()).isEqualTo("ok\n");
        assertThat(failed.result().path("commands")).hasSize(2);
        assertThat(Files.exists(later)).isFalse();
    }

    @Test
    @DisplayName("a multi-line cmds string is one script, and cmd is an alias of command")
    void aCmdsStringIsOneScriptAndCmdIsAnAlias() throws Exception {
        ToolOutcome.Succeeded script = (ToolOutcome.Succeeded) run(command("shell",
                Map.of("cmds", "A=5\necho \"a=$A\"\n"))).outcome();
        assertThat(script.result().path("stdout").asText()).isEqualTo("a=5\n");
        ToolOutcome.Succeeded alias = (ToolOutcome.Succeeded) run(command("shell", Map.of("cmd", "echo x"))).outcome();
        assertThat(alias.result().path("stdout").asText()).isEqualTo("x\n");
    }

    @Test
    void aShellToolWithoutCommandsIsAConfigError() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("shell", Map.of("cmds", List.of()))).outcome();
        assertThat(failed.error().type()).isEqualTo("ConfigError");
        assertThat(failed.error().message()).contains("cmds");
    }

    @Test
    void theTimeLimitCoversAllCommands() throws Exception {
        long start = System.nanoTime();
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("shell",
                Map.of("cmds", List.of("sleep 0.4", "sleep 0.4", "sleep 5")), Map.of(), List.of(), 600L)).outcome();
        assertThat(failed.error().type()).isEqualTo("Timeout");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void killsTheProcessTreeAtTheTimeLimit() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        long start = System.nanoTime();
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("shell",
                Map.of("command", "sleep 30 & echo $! > " + pidFile + "; wait"), Map.of(), List.of(), 500L))
                .outcome();
        assertThat(failed.error().type()).isEqualTo("Timeout");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        long child = Long.parseLong(Files.readString(pidFile).trim());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3)).until(() -> !running(child));
    }

    /** Alive and not a zombie (an orphan killed in a container may wait a while to be reaped). */
    private static boolean running(long pid) throws java.io.IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String s = Files.readString(stat);
        return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
    }
}

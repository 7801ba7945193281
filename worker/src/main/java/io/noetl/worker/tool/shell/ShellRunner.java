package io.noetl.worker.tool.shell;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.worker.redact.Bounds;
import io.noetl.worker.redact.Redactor;
import io.noetl.worker.tool.ToolCall;
import io.noetl.worker.tool.ToolOutcome;
import io.noetl.worker.tool.ToolRunner;
import io.noetl.worker.tool.process.Processes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code shell} tool: each command of {@code cmds} (or the single {@code cmd} / {@code command}) through
 * {@code /bin/sh -c}, in order, stopping at the first that exits non-zero, with optional {@code env} and {@code cwd};
 * the time limit covers all of them. Result {@code {exit_code, returncode, stdout, stderr, commands}}: the last exit
 * code, stdout and stderr of every command run, and per command its preview, exit code and duration. stderr
 * becomes the logs; a non-zero exit is a {@code ShellError} whose message names the failing command (when there are
 * several) and keeps the tails of its stderr and stdout.
 */
public final class ShellRunner implements ToolRunner {

    /** How much of the end of stderr, and of stdout, a failure's message keeps. */
    private static final int TAIL_IN_MESSAGE = 1024;

    @Override
    public String kind() {
        return "shell";
    }

    @Override
    public ToolOutcome run(ToolCall call) throws InterruptedException {
        List<String> commands;
        try {
            commands = ShellCommands.of(call.config());
        } catch (IllegalArgumentException e) {
            return ToolOutcome.Failed.fatal("ConfigError", e.getMessage());
        }
        if (commands.isEmpty()) {
            return ToolOutcome.Failed.fatal("ConfigError",
                    "shell tool needs 'cmds' (a list of commands) or a 'command' string");
        }
        long deadline = System.nanoTime() + call.timeout().toNanos();
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        ArrayNode perCommand = Json.mapper().createArrayNode();
        int exitCode = 0;
        try {
            for (int i = 0; i < commands.size(); i++) {
                String script = commands.get(i);
                Ran ran = runOne(script, call, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                stdout.append(ran.stdout());
                stderr.append(ran.stderr());
                ObjectNode one = perCommand.addObject();
                one.put("cmd_preview", ShellCommands.preview(script));
                one.put("returncode", ran.exit().exitCode());
                one.put("duration_ms", ran.durationMs());
                if (ran.exit().killed() || ran.exit().timedOut()) {
                    String logs = stderr.toString();
                    return call.stopped(logs).orElseGet(() -> call.timedOut(logs));
                }
                exitCode = ran.exit().exitCode();
                if (exitCode != 0) {
                    ObjectNode result = result(exitCode, stdout, stderr, perCommand);
                    String which = commands.size() == 1 ? "command" : "command " + (i + 1) + " of "
                            + commands.size() + " (" + ShellCommands.preview(script) + ")";
                    return new ToolOutcome.Failed(new ErrorInfo("ShellError", failure(which, exitCode, ran.stderr(),
                            ran.stdout(), call.redactor()), null, false), result, stderr.toString(), Map.of());
                }
            }
        } catch (IOException e) {
            return ToolOutcome.Failed.fatal("ShellError", "cannot run /bin/sh: " + e.getMessage());
        }
        return new ToolOutcome.Succeeded(result(exitCode, stdout, stderr, perCommand),
                stderr.isEmpty() ? null : stderr.toString(), Map.of());
    }

    private record Ran(Processes.Exit exit, String stdout, String stderr, long durationMs) {
    }

    private static Ran runOne(String script, ToolCall call, Duration timeout) throws IOException, InterruptedException {
        Path out = null;
        Path err = null;
        long start = System.nanoTime();
        try {
            out = Files.createTempFile("noetl-sh", ".out");
            err = Files.createTempFile("noetl-sh", ".err");
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (call.config().get("cwd") instanceof String cwd && !cwd.isBlank()) {
                pb.directory(new File(cwd));
            }
            if (call.config().get("env") instanceof Map<?, ?> env) {
                env.forEach((k, v) -> pb.environment().put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            }
            Processes.Exit exit = Processes.run(pb, timeout, call.cancellation());
            return new Ran(exit, Processes.readTail(out), Processes.readTail(err),
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static ObjectNode result(int exitCode, CharSequence stdout, CharSequence stderr, ArrayNode commands) {
        ObjectNode result = Json.object();
        result.put("exit_code", exitCode);
        result.put("returncode", exitCode);
        result.put("stdout", stdout.toString());
        result.put("stderr", stderr.toString());
        result.set("commands", commands);
        return result;
    }

    /**
     * {@code <which> exited with code N: <stderr tail>} and, on its own line, {@code stdout: <stdout tail>}: tools
     * such as dbt report their failures on stdout. Each tail is redacted before it is cut, so a cut never leaves
     * part of a secret behind.
     */
    static String failure(String which, int exitCode, String stderr, String stdout, Redactor redactor) {
        StringBuilder message = new StringBuilder(redactor.text(which)).append(" exited with code ").append(exitCode);
        if (!stderr.isBlank()) {
            message.append(": ").append(Bounds.tail(redactor.text(stderr.strip()), TAIL_IN_MESSAGE));
        }
        if (!stdout.isBlank()) {
            message.append("\nstdout: ").append(Bounds.tail(redactor.text(stdout.strip()), TAIL_IN_MESSAGE));
        }
        return message.toString();
    }

    private static void delete(Path p) {
        if (p != null) {
            p.toFile().delete();
        }
    }
}

package io.noetl.worker.tool.shell;

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
import java.util.Map;

/**
 * The {@code shell} tool: {@code command} through {@code /bin/sh -c}, with optional {@code env} and {@code cwd}.
 * Result {@code {exit_code, stdout}}; stderr becomes the logs; a non-zero exit is a {@code ShellError} whose message
 * keeps the tails of stderr and stdout.
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
        Object command = call.config().get("command");
        if (!(command instanceof String script) || script.isBlank()) {
            return ToolOutcome.Failed.fatal("ConfigError", "shell tool needs a 'command' string");
        }
        Path out = null;
        Path err = null;
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
            Processes.Exit exit = Processes.run(pb, call.timeout(), call.cancellation());
            String stdout = Processes.readTail(out);
            String stderr = Processes.readTail(err);
            if (exit.killed() || exit.timedOut()) {
                return call.stopped(stderr).orElseGet(() -> call.timedOut(stderr));
            }
            ObjectNode result = Json.object();
            result.put("exit_code", exit.exitCode());
            result.put("stdout", stdout);
            if (exit.exitCode() != 0) {
                return new ToolOutcome.Failed(new ErrorInfo("ShellError", failure(exit.exitCode(), stderr, stdout,
                        call.redactor()), null, false), result, stderr, Map.of());
            }
            return new ToolOutcome.Succeeded(result, stderr.isEmpty() ? null : stderr, Map.of());
        } catch (IOException e) {
            return ToolOutcome.Failed.fatal("ShellError", "cannot run /bin/sh: " + e.getMessage());
        } finally {
            delete(out);
            delete(err);
        }
    }

    /**
     * {@code command exited with code N: <stderr tail>} and, on its own line, {@code stdout: <stdout tail>}: tools
     * such as dbt report their failures on stdout. Each tail is redacted before it is cut, so a cut never leaves
     * part of a secret behind.
     */
    static String failure(int exitCode, String stderr, String stdout, Redactor redactor) {
        StringBuilder message = new StringBuilder("command exited with code ").append(exitCode);
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

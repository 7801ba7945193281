package io.noetl.worker.tool.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.command.CommandTask;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.worker.tool.ToolOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome a pipeline reports (the contract is {@code Command}'s): for one task its result, for several the last
 * task's result (its fields, or under {@code result}) with {@code results}; an error is the failing task's, with
 * {@code meta.task} naming it. {@code meta.ctx} carries the writes to {@code ctx}; {@code meta.tasks} the runs of a
 * pipeline of several tasks, or of one task run more than once (name, kind, attempt, status, duration, decision,
 * error type), so a diagnosis sees which task failed and what was retried; logs are each run's, headed by the task.
 */
final class PipelineReport {

    private static final int MAX_TRAIL = 200;

    private final int taskCount;
    private final Locals locals;
    private final List<Map<String, Object>> trail = new ArrayList<>();
    private final StringBuilder logs = new StringBuilder();
    private int runs;
    private ToolOutcome last;

    PipelineReport(int taskCount, Locals locals) {
        this.taskCount = taskCount;
        this.locals = locals;
    }

    void ran(CommandTask task, int attempt, ToolOutcome out, long durationMs, String action) {
        runs++;
        last = out;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("task", task.name());
        entry.put("kind", task.kind());
        entry.put("attempt", attempt);
        entry.put("status", out instanceof ToolOutcome.Succeeded ? "ok" : "error");
        entry.put("duration_ms", durationMs);
        entry.put("do", action);
        if (out instanceof ToolOutcome.Failed f) {
            entry.put("error_type", f.error().type());
        }
        trail.add(entry);
        if (trail.size() > MAX_TRAIL) {
            trail.remove(0);
        }
        if (out.logs() != null && !out.logs().isEmpty()) {
            if (taskCount > 1 || attempt > 1) {
                logs.append("[task ").append(task.name()).append(" attempt ").append(attempt).append("]\n");
            }
            logs.append(out.logs());
            if (!out.logs().endsWith("\n")) {
                logs.append('\n');
            }
        }
    }

    /** Ended by {@code break} at {@code task}. */
    ToolOutcome succeeded(String task, ToolOutcome out) {
        return new ToolOutcome.Succeeded(result(resultOf(out)), logs(), meta(out, null));
    }

    /** Ran to its last task. */
    ToolOutcome succeededAtEnd() {
        return new ToolOutcome.Succeeded(result(resultOf(last)), logs(), meta(last, null));
    }

    /** Failed with {@code task}'s own error ({@code suffix} added to its message). */
    ToolOutcome failed(String task, ToolOutcome.Failed f, String suffix) {
        ErrorInfo e = suffix.isEmpty() ? f.error() : f.error().withMessage(f.error().message() + suffix);
        return new ToolOutcome.Failed(e, f.result(), logs(), meta(f, task));
    }

    /** Failed by the pipeline itself ({@code error}), at {@code task}. */
    ToolOutcome failed(String task, ErrorInfo error) {
        return new ToolOutcome.Failed(error, null, logs(), meta(null, task));
    }

    /** Failed by {@code task}'s policy although the task itself succeeded with {@code out}. */
    ToolOutcome failed(String task, ErrorInfo error, ToolOutcome out) {
        return new ToolOutcome.Failed(error, resultOf(out), logs(), meta(out, task));
    }

    /** Stopped by the time limit or a cancel request while {@code task} ran. */
    ToolOutcome stopped(String task, ToolOutcome out) {
        return out instanceof ToolOutcome.Failed f ? failed(task, f, "") : failed(task, ErrorInfo.retriable("Timeout",
                "the pipeline reached its time limit at task '" + task + "'"));
    }

    private static JsonNode resultOf(ToolOutcome out) {
        return switch (out) {
            case null -> null;
            case ToolOutcome.Succeeded s -> s.result();
            case ToolOutcome.Failed f -> f.result();
        };
    }

    private JsonNode result(JsonNode last) {
        if (taskCount == 1) {
            return last;
        }
        ObjectNode out = Json.object();
        if (last != null && last.isObject()) {
            out.setAll((ObjectNode) last.deepCopy());
        } else {
            out.set("result", last);
        }
        out.set("results", Json.toTree(locals.results()));
        return out;
    }

    private String logs() {
        return logs.isEmpty() ? null : logs.toString();
    }

    private Map<String, Object> meta(ToolOutcome out, String failedTask) {
        Map<String, Object> meta = new LinkedHashMap<>(out == null ? Map.of() : out.meta());
        if (failedTask != null) {
            meta.put("task", failedTask);
        }
        if (!locals.ctxWrites().isEmpty()) {
            meta.put("ctx", new LinkedHashMap<>(locals.ctxWrites()));
        }
        if (taskCount > 1 || runs > 1) {
            meta.put("tasks", new ArrayList<>(trail));
        }
        return meta;
    }
}

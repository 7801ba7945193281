package io.noetl.worker.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.error.ErrorClassifier;
import io.noetl.schemas.error.ErrorEvidence;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.worker.redact.Bounds;
import io.noetl.worker.redact.Redactor;
import io.noetl.worker.tool.ToolOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one delivery of a command: every event copies the command's identity (execution, command,
 * playbook, step, tool kind, attempt, worker, {@code parent_event_id} = the command's {@code command.issued}),
 * and everything it carries is redacted and bounded before it is built. Errors carry their root-cause class
 * ({@code error.class}), the tool's when it gave one, else the classifier's.
 */
public final class WorkerEvents {

    private final Command command;
    private final int attempt;
    private final String workerId;

    /**
     * @param command  the command
     * @param attempt  its attempt on this delivery (command attempt + redeliveries)
     * @param workerId this worker
     */
    public WorkerEvents(Command command, int attempt, String workerId) {
        this.command = command;
        this.attempt = attempt;
        this.workerId = workerId;
    }

    public int attempt() {
        return attempt;
    }

    /** {@code command.claimed}, with {@code meta.delivered}. */
    public Event claimed(long delivered) {
        Map<String, Object> meta = baseMeta();
        meta.put("delivered", delivered);
        return base(EventTypes.COMMAND_CLAIMED, Status.RUNNING).meta(meta).build();
    }

    /** {@code command.started}. */
    public Event started() {
        return base(EventTypes.COMMAND_STARTED, Status.RUNNING).meta(nullIfEmpty(baseMeta())).build();
    }

    /** {@code call.done} or {@code call.error}, redacted and bounded. */
    public Event call(ToolOutcome outcome, long durationMs, Redactor redactor) {
        boolean ok = outcome instanceof ToolOutcome.Succeeded;
        return finish(ok ? EventTypes.CALL_DONE : EventTypes.CALL_ERROR, outcome, durationMs, redactor, true);
    }

    /** {@code command.completed} or {@code command.failed}, with the same result/error (no logs). */
    public Event terminal(ToolOutcome outcome, long durationMs, Redactor redactor) {
        boolean ok = outcome instanceof ToolOutcome.Succeeded;
        return finish(ok ? EventTypes.COMMAND_COMPLETED : EventTypes.COMMAND_FAILED, outcome, durationMs, redactor,
                false);
    }

    private Event finish(String type, ToolOutcome outcome, long durationMs, Redactor redactor, boolean withLogs) {
        List<String> truncated = new ArrayList<>();
        Map<String, Object> meta = baseMeta();
        outcome.meta().forEach((k, v) -> meta.put(k, redactor.plain(v)));
        JsonNode result;
        ErrorInfo error = null;
        Status status;
        switch (outcome) {
            case ToolOutcome.Succeeded s -> {
                result = s.result();
                status = Status.COMPLETED;
            }
            case ToolOutcome.Failed f -> {
                result = f.result();
                error = published(f, redactor);
                status = Status.FAILED;
            }
        }
        result = Bounds.result(SlimResult.of(redactor.json(result), truncated), truncated);
        String logs = withLogs ? Bounds.logs(redactor.text(outcome.logs()), truncated) : null;
        if (!truncated.isEmpty()) {
            meta.put("truncated", truncated);
        }
        return base(type, status).durationMs(durationMs).result(result).error(error).logs(logs)
                .meta(nullIfEmpty(meta)).build();
    }

    /** The error as published: redacted, bounded, retriable or not, and classified when the tool did not say. */
    private ErrorInfo published(ToolOutcome.Failed f, Redactor redactor) {
        ErrorInfo raw = f.error();
        String message = Bounds.message(redactor.text(raw.message()));
        String stack = Bounds.stack(redactor.text(raw.stack()));
        String errorClass = raw.errorClass();
        if (errorClass == null) {
            Object status = f.meta().get("http_status");
            ErrorEvidence evidence = new ErrorEvidence(raw.type(), message,
                    status instanceof Number n ? Integer.valueOf(n.intValue()) : null, command.toolKind(),
                    raw.stack() != null ? raw.stack() : f.logs());
            errorClass = ErrorClassifier.standard().classify(evidence).wireName();
        }
        return new ErrorInfo(raw.type(), message, stack, raw.retriable() == null ? Boolean.FALSE : raw.retriable(),
                errorClass);
    }

    private Event.Builder base(String type, Status status) {
        return command.event(type).status(status.name()).attempt(attempt).workerId(workerId);
    }

    private Map<String, Object> baseMeta() {
        Map<String, Object> meta = new LinkedHashMap<>();
        if (command.loopIndex() != null) {
            meta.put("loop_index", command.loopIndex());
        }
        return meta;
    }

    private static Map<String, Object> nullIfEmpty(Map<String, Object> m) {
        return m.isEmpty() ? null : m;
    }
}

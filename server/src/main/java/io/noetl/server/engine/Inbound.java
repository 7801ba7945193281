package io.noetl.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Events from workers and from child executions, matched to the unit of work they belong to. */
final class Inbound {

    private Inbound() {
    }

    /** A worker event of this execution; events of superseded or finished commands find no unit and do nothing. */
    static void worker(Progress p, Event event) {
        Optional<Work> match = p.state().work().values().stream()
                .filter(w -> w.commandId() != null && w.commandId().equals(event.commandId())
                        && Objects.equals(w.step(), event.step()))
                .findFirst();
        if (match.isEmpty()) {
            return;
        }
        Work work = match.get();
        switch (event.eventType()) {
            case EventTypes.COMMAND_CLAIMED -> {
                if (work.phase() == Work.Phase.ISSUED) {
                    p.update(s -> s.withWork(work.claimed(p.now)));
                }
            }
            case EventTypes.COMMAND_STARTED -> {
                if (work.phase() == Work.Phase.ISSUED || work.phase() == Work.Phase.CLAIMED) {
                    p.update(s -> s.withWork(work.started(p.now)));
                }
            }
            case EventTypes.CALL_DONE -> {
                Writes.applyRendered(p, ctxWrites(event));
                Units.succeeded(p, work, Json.plain(event.result()));
            }
            case EventTypes.CALL_ERROR -> {
                Writes.applyRendered(p, ctxWrites(event));
                Failures.attemptFailed(p, work, errorOf(event), httpStatus(event));
            }
            default -> {
                // command.completed / command.failed are informational
            }
        }
    }

    /** The end of a child execution started by one of this execution's {@code playbook} steps. */
    static void child(Progress p, Event event) {
        Optional<Work> match = p.state().work().values().stream()
                .filter(w -> event.executionId().equals(w.childExecutionId()))
                .findFirst();
        if (match.isEmpty()) {
            return;
        }
        Work work = match.get();
        switch (event.eventType()) {
            case EventTypes.PLAYBOOK_COMPLETED -> Units.succeeded(p, work, Units.childResult(p.step(work.step()),
                    Json.plain(event.result())));
            case EventTypes.PLAYBOOK_FAILED -> Failures.attemptFailed(p, work, childError(event), null);
            case EventTypes.PLAYBOOK_CANCELLED -> {
                p.update(s -> s.withoutWork(work.key()));
                Failures.failStep(p, work.step(), ErrorInfo.fatal("ChildCancelled", "sub-playbook execution "
                        + event.executionId() + " was cancelled" + (event.error() == null ? ""
                        : ": " + event.error().message())));
            }
            default -> {
                // other child events are the child's own business
            }
        }
    }

    /** The {@code ctx} writes a worker's pipeline reports in {@code meta.ctx}, as {@code ctx.<key>} writes. */
    private static Map<String, Object> ctxWrites(Event event) {
        if (event.meta() == null || !(event.meta().get("ctx") instanceof Map<?, ?> writes)) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        writes.forEach((k, v) -> out.put("ctx." + k, v));
        return out;
    }

    private static ErrorInfo errorOf(Event event) {
        ErrorInfo e = event.error();
        if (e == null) {
            return ErrorInfo.of("Error", "the worker reported an error without details");
        }
        return new ErrorInfo(e.type() == null ? "Error" : e.type(), e.message(), e.stack(), e.retriable(),
                e.errorClass());
    }

    private static ErrorInfo childError(Event event) {
        ErrorInfo e = event.error();
        String message = "sub-playbook execution " + event.executionId() + " failed"
                + (e == null || e.message() == null ? "" : ": " + e.message());
        return new ErrorInfo(e == null || e.type() == null ? "ChildFailed" : e.type(), message, null,
                e == null ? null : e.retriable(), e == null ? null : e.errorClass());
    }

    private static Integer httpStatus(Event event) {
        JsonNode result = event.result();
        if (result != null && result.path("status").isIntegralNumber()) {
            return result.path("status").asInt();
        }
        Object meta = event.meta() == null ? null : event.meta().get("http_status");
        if (meta instanceof Number n) {
            return n.intValue();
        }
        if (meta instanceof String s && s.matches("\\d+")) {
            return Integer.parseInt(s);
        }
        return null;
    }
}

package io.noetl.app.bench.insights;

import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.RootError;
import io.noetl.schemas.stream.StepAttempt;
import io.noetl.schemas.stream.StepTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace the topology emits for one finished synthetic execution, by the topology's rules: an attempt starts at
 * its {@code command.started} and ends at its last end event; a step spans its {@code step.enter} to its last end,
 * with the status of its {@code step.exit}; the failed step's root error is its earliest error. The synthetic runs
 * are sequential, so the critical path is every step in order.
 */
final class TraceFold {

    private static final int MESSAGE_CHARS = 1024;

    private TraceFold() {
    }

    /** @param events every event of one execution, in emission order */
    static ExecutionTrace of(List<NormalizedEvent> events) {
        NormalizedEvent first = events.getFirst();
        Map<String, Step> steps = new LinkedHashMap<>();
        Instant start = first.timestamp();
        Instant end = null;
        Instant last = first.timestamp();
        String status = "RUNNING";
        for (NormalizedEvent e : events) {
            last = e.timestamp().isAfter(last) ? e.timestamp() : last;
            switch (e.eventType()) {
                case EventTypes.PLAYBOOK_COMPLETED, EventTypes.PLAYBOOK_FAILED -> {
                    end = e.timestamp();
                    status = e.status();
                }
                default -> {
                }
            }
            if (e.step() != null) {
                steps.computeIfAbsent(e.step(), Step::new).fold(e);
            }
        }
        List<StepTrace> traces = new ArrayList<>(steps.size());
        Step failed = null;
        for (Step s : steps.values()) {
            traces.add(s.trace());
            if (failed == null && "FAILED".equals(s.status)) {
                failed = s;
            }
        }
        RootError root = failed == null || failed.firstError == null ? null : failed.root();
        return new ExecutionTrace(first.executionId(), first.parentExecutionId(), first.playbookPath(),
                first.playbookVersion(), status, start, end, end == null ? null : Duration.between(start, end)
                .toMillis(), traces, List.copyOf(steps.keySet()), failed == null ? null : failed.name, root,
                events.size(), last);
    }

    /** One step: its attempts by command id and its exit. */
    private static final class Step {
        final String name;
        String tool;
        Instant entered;
        Instant ended;
        String status = "RUNNING";
        NormalizedEvent firstError;
        final Map<String, Attempt> attempts = new LinkedHashMap<>();

        Step(String name) {
            this.name = name;
        }

        void fold(NormalizedEvent e) {
            if (e.toolKind() != null && tool == null) {
                tool = e.toolKind();
            }
            if (e.error() != null && firstError == null) {
                firstError = e;
            }
            switch (e.eventType()) {
                case EventTypes.STEP_ENTER -> entered = e.timestamp();
                case EventTypes.STEP_EXIT -> {
                    ended = e.timestamp();
                    status = e.status();
                }
                default -> {
                    if (e.commandId() != null) {
                        attempts.computeIfAbsent(e.commandId(), c -> new Attempt(c, e.attempt())).fold(e);
                    }
                }
            }
        }

        StepTrace trace() {
            List<StepAttempt> out = new ArrayList<>(attempts.size());
            Attempt lastFailed = null;
            for (Attempt a : attempts.values()) {
                out.add(a.trace());
                if ("FAILED".equals(a.status)) {
                    lastFailed = a;
                }
            }
            NormalizedEvent err = lastFailed != null ? lastFailed.error : firstError;
            boolean done = ended != null;
            return new StepTrace(name, tool, status, entered, ended, done ? Duration.between(entered, ended)
                    .toMillis() : null, out, err == null ? null : err.errorClass(), err == null ? null
                    : err.templateId());
        }

        RootError root() {
            NormalizedEvent e = firstError;
            return new RootError(name, e.eventId(), e.error().type(), e.errorClass(), e.templateId(), e.template(),
                    cut(e.error().message()));
        }
    }

    /** One attempt: from its {@code command.started} to its last end event. */
    private static final class Attempt {
        final String commandId;
        final int attempt;
        Instant started;
        Instant ended;
        String worker;
        String status = "PENDING";
        NormalizedEvent error;

        Attempt(String commandId, Integer attempt) {
            this.commandId = commandId;
            this.attempt = attempt == null ? 1 : attempt;
        }

        void fold(NormalizedEvent e) {
            if (e.workerId() != null && worker == null) {
                worker = e.workerId();
            }
            if (e.error() != null && error == null) {
                error = e;
            }
            switch (e.eventType()) {
                case EventTypes.COMMAND_CLAIMED -> status = "RUNNING";
                case EventTypes.COMMAND_STARTED -> started = e.timestamp();
                case EventTypes.CALL_DONE, EventTypes.COMMAND_COMPLETED -> {
                    ended = e.timestamp();
                    status = "FAILED".equals(status) ? status : "COMPLETED";
                }
                case EventTypes.CALL_ERROR, EventTypes.COMMAND_FAILED, EventTypes.RETRY_SCHEDULED -> {
                    ended = EventTypes.RETRY_SCHEDULED.equals(e.eventType()) ? ended : e.timestamp();
                    status = "FAILED";
                }
                default -> {
                }
            }
        }

        StepAttempt trace() {
            Long duration = started != null && ended != null ? Duration.between(started, ended).toMillis() : null;
            return new StepAttempt(attempt, commandId, status, started, ended, duration, worker,
                    error == null ? null : error.errorClass(), error == null ? null : error.templateId(),
                    error == null ? null : cut(error.error().message()));
        }
    }

    private static String cut(String message) {
        return message == null || message.length() <= MESSAGE_CHARS ? message : message.substring(0, MESSAGE_CHARS);
    }
}

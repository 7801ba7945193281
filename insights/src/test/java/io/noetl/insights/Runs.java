package io.noetl.insights;

import io.noetl.insights.execution.ExecutionSource;
import io.noetl.insights.execution.ExecutionView;
import io.noetl.insights.execution.StepView;
import io.noetl.schemas.Json;
import io.noetl.schemas.Status;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.PlaybookParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Executions built event by event, as the server and workers would publish them, for the insight tests. */
public final class Runs {

    private final String executionId = Ulid.next();
    private final String playbook;
    private final List<Event> events = new ArrayList<>();
    private final Map<String, StepView> steps = new LinkedHashMap<>();
    private Instant now = Instant.parse("2026-11-30T10:00:00Z");
    private Status status = Status.RUNNING;
    private String error;

    public Runs(String playbook) {
        this.playbook = playbook;
        add(EventTypes.PLAYBOOK_STARTED, null, null, null, Status.RUNNING, null, null);
    }

    public String id() {
        return executionId;
    }

    public Runs ok(String step, String tool) {
        enter(step, tool);
        String cmd = Ulid.next();
        add(EventTypes.COMMAND_STARTED, step, tool, cmd, Status.RUNNING, 1, null);
        add(EventTypes.CALL_DONE, step, tool, cmd, Status.COMPLETED, 1, null);
        return exit(step, tool, Status.COMPLETED, 1, null);
    }

    /** Attempts that fail with {@code errors}, in order; {@code recovers} adds a last attempt that succeeds. */
    public Runs attempts(String step, String tool, boolean recovers, ErrorInfo... errors) {
        enter(step, tool);
        int attempt = 0;
        for (ErrorInfo e : errors) {
            attempt++;
            String cmd = Ulid.next();
            add(EventTypes.COMMAND_STARTED, step, tool, cmd, Status.RUNNING, attempt, null);
            Event err = add(EventTypes.CALL_ERROR, step, tool, cmd, Status.FAILED, attempt, e);
            if (recovers || attempt < errors.length) {
                add(EventTypes.RETRY_SCHEDULED, step, null, cmd, Status.PENDING, attempt, e);
            }
            if (e.message() != null && e.message().startsWith("HTTP ")) {
                Map<String, Object> meta = new HashMap<>(err.meta() == null ? Map.of() : err.meta());
                meta.put("http_status", Integer.parseInt(e.message().substring(5, 8)));
                events.set(events.size() - (recovers || attempt < errors.length ? 2 : 1),
                        err.toBuilder().meta(meta).build());
            }
        }
        if (recovers) {
            attempt++;
            String cmd = Ulid.next();
            add(EventTypes.COMMAND_STARTED, step, tool, cmd, Status.RUNNING, attempt, null);
            add(EventTypes.CALL_DONE, step, tool, cmd, Status.COMPLETED, attempt, null);
            return exit(step, tool, Status.COMPLETED, attempt, null);
        }
        return exit(step, tool, Status.FAILED, attempt, errors[errors.length - 1]);
    }

    /** The step fails without an attempt of a worker (a template, a child, a wait timeout). */
    public Runs stepFails(String step, String tool, ErrorInfo e) {
        enter(step, tool);
        return exit(step, tool, Status.FAILED, 0, e);
    }

    public Runs rejected(String step, String who, String why) {
        enter(step, "http");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("action", "reject");
        meta.put("reasoning", why);
        meta.put("decided_by", who);
        events.add(Event.builder(EventTypes.DECISION_RECORDED, executionId).playbookPath(playbook).playbookVersion(1)
                .step(step).status(Status.COMPLETED.name()).timestamp(tick()).meta(meta)
                .result(Json.toTree(Map.of("step", step, "action", "reject", "reasoning", why, "decided_by", who)))
                .build());
        ErrorInfo rejection = new ErrorInfo("Rejected", "rejected by " + who + ": " + why, null, false,
                "data_quality");
        exit(step, "http", Status.FAILED, 1, rejection);
        return failed(new ErrorInfo("Rejected", "step " + step + " " + rejection.message(), null, false,
                "data_quality"));
    }

    public Runs cancelledDuring(String step, String tool) {
        enter(step, tool);
        add(EventTypes.PLAYBOOK_CANCELLED, null, null, null, Status.CANCELLED, null,
                ErrorInfo.of("Cancelled", "cancelled by request"));
        exit(step, tool, Status.CANCELLED, 1, null);
        status = Status.CANCELLED;
        error = "cancelled by request";
        return this;
    }

    public Runs completed() {
        add(EventTypes.PLAYBOOK_COMPLETED, null, null, null, Status.COMPLETED, null, null);
        status = Status.COMPLETED;
        return this;
    }

    public Runs failed(ErrorInfo e) {
        add(EventTypes.PLAYBOOK_FAILED, null, null, null, Status.FAILED, null, e);
        status = Status.FAILED;
        error = e.message();
        return this;
    }

    /** Ends the run failed by its last failed step, as the engine does. */
    public Runs failedByLastStep() {
        StepView last = steps.values().stream().filter(s -> s.status() == Status.FAILED).reduce((a, b) -> b)
                .orElseThrow();
        return failed(new ErrorInfo(last.error().type(), "step " + last.name() + " failed: " + last.error().type()
                + ": " + last.error().message(), null, last.error().retriable(), last.error().errorClass()));
    }

    public ExecutionView view() {
        return new ExecutionView(executionId, playbook, 1, null, status, error, events.getFirst().timestamp(),
                status.terminal() ? now : null, new ArrayList<>(steps.values()), events);
    }

    public List<Event> events() {
        return events;
    }

    private void enter(String step, String tool) {
        add(EventTypes.STEP_ENTER, step, tool, null, Status.RUNNING, null, null);
        steps.put(step, new StepView(step, Status.RUNNING, 0, tool, null, now, null));
    }

    private Runs exit(String step, String tool, Status st, int attempts, ErrorInfo e) {
        add(EventTypes.STEP_EXIT, step, tool, null, st, null, e);
        steps.put(step, new StepView(step, st, attempts, tool, e, steps.get(step).startedAt(), now));
        return this;
    }

    private Event add(String type, String step, String tool, String cmd, Status st, Integer attempt, ErrorInfo e) {
        Event ev = Event.builder(type, executionId).playbookPath(playbook).playbookVersion(1).step(step)
                .toolKind(tool).commandId(cmd).status(st.name()).timestamp(tick()).attempt(attempt).error(e)
                .durationMs(type.equals(EventTypes.CALL_ERROR) || type.equals(EventTypes.CALL_DONE) ? 1200L : null)
                .build();
        events.add(ev);
        return ev;
    }

    private Instant tick() {
        now = now.plusSeconds(1);
        return now;
    }

    /** An execution source over these runs and playbooks. */
    public static ExecutionSource source(List<Runs> runs, Map<String, String> playbookYaml) {
        return new ExecutionSource() {
            @Override
            public Optional<ExecutionView> execution(String id) {
                return runs.stream().filter(r -> r.id().equals(id)).findFirst().map(Runs::view);
            }

            @Override
            public Optional<Playbook> playbook(String path, int version) {
                String yaml = playbookYaml.get(path);
                return yaml == null ? Optional.empty() : Optional.of(PlaybookParser.parse(yaml));
            }

            @Override
            public Optional<Versioned> latest(String path) {
                return playbook(path, 1).map(pb -> new Versioned(1, pb));
            }
        };
    }
}

package io.noetl.topology;

import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the events of one execution, a step at a time, with increasing timestamps (1 s apart by default). */
final class Scenario {

    final String executionId = Ulid.next();
    final String playbook;
    private final List<Event> events = new ArrayList<>();
    private Instant clock;

    Scenario(String playbook, Instant start) {
        this.playbook = playbook;
        this.clock = start;
    }

    Scenario started() {
        return add(EventTypes.PLAYBOOK_STARTED, null, null, null, "RUNNING", null);
    }

    /** A step that runs once and succeeds, taking {@code seconds} of tool time. */
    Scenario step(String name, int seconds) {
        add(EventTypes.STEP_ENTER, name, null, null, "RUNNING", null);
        attempt(name, 1, seconds, null);
        return add(EventTypes.STEP_EXIT, name, null, null, "COMPLETED", null);
    }

    /** A step whose first attempt fails with {@code error}, is retried and then succeeds. */
    Scenario retriedStep(String name, ErrorInfo error) {
        add(EventTypes.STEP_ENTER, name, null, null, "RUNNING", null);
        String first = attempt(name, 1, 1, error);
        add(EventTypes.RETRY_SCHEDULED, name, first, 1, "PENDING", error);
        attempt(name, 2, 1, null);
        return add(EventTypes.STEP_EXIT, name, null, null, "COMPLETED", null);
    }

    /** A step that fails for good with {@code error}, failing the execution. */
    Scenario failedStep(String name, ErrorInfo error) {
        add(EventTypes.STEP_ENTER, name, null, null, "RUNNING", null);
        attempt(name, 1, 1, error);
        add(EventTypes.STEP_EXIT, name, null, null, "FAILED", error);
        return add(EventTypes.PLAYBOOK_FAILED, null, null, null, "FAILED",
                new ErrorInfo(error.type(), "step " + name + " failed: " + error.message(), null, false));
    }

    Scenario completed() {
        return add(EventTypes.PLAYBOOK_COMPLETED, null, null, null, "COMPLETED", null);
    }

    /** Events so far, in the order they happened. */
    List<Event> events() {
        return List.copyOf(events);
    }

    Instant now() {
        return clock;
    }

    private String attempt(String step, int n, int seconds, ErrorInfo error) {
        String cmd = Ulid.next();
        add(EventTypes.COMMAND_ISSUED, step, cmd, n, "PENDING", null);
        add(EventTypes.COMMAND_CLAIMED, step, cmd, n, "RUNNING", null);
        add(EventTypes.COMMAND_STARTED, step, cmd, n, "RUNNING", null);
        clock = clock.plusSeconds(seconds - 1L);
        if (error == null) {
            add(EventTypes.CALL_DONE, step, cmd, n, "COMPLETED", null);
            add(EventTypes.COMMAND_COMPLETED, step, cmd, n, "COMPLETED", null);
        } else {
            add(EventTypes.CALL_ERROR, step, cmd, n, "FAILED", error);
            add(EventTypes.COMMAND_FAILED, step, cmd, n, "FAILED", error);
        }
        return cmd;
    }

    private Scenario add(String type, String step, String cmd, Integer attempt, String status, ErrorInfo error) {
        clock = clock.plusSeconds(1);
        events.add(Event.builder(type, executionId).playbookPath(playbook).playbookVersion(1).step(step)
                .toolKind(step == null ? null : "python").commandId(cmd).attempt(attempt).status(status)
                .timestamp(clock).error(error).workerId(cmd == null ? null : "worker-1").build());
        return this;
    }
}

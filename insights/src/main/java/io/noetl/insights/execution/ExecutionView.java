package io.noetl.insights.execution;

import io.noetl.schemas.Status;
import io.noetl.schemas.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution as the server knows it: its state and its own events (raw, redacted, in publish order).
 *
 * @param executionId       the execution
 * @param playbookPath      playbook identity
 * @param playbookVersion   catalog version
 * @param parentExecutionId the parent when this is a sub-playbook, or null
 * @param status            its status now
 * @param error             why it failed or was cancelled, or null
 * @param startedAt         when it started
 * @param endedAt           when it ended, or null
 * @param steps             its steps in order of first entry
 * @param events            its events in publish order (bounded by the reader)
 */
public record ExecutionView(String executionId, String playbookPath, int playbookVersion, String parentExecutionId,
        Status status, String error, Instant startedAt, Instant endedAt, List<StepView> steps, List<Event> events) {

    public ExecutionView {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(status, "status");
        steps = steps == null ? List.of() : List.copyOf(steps);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** @return the step of that name, if the execution entered it */
    public Optional<StepView> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** @return true while it may still change (running or waiting for a decision) */
    public boolean live() {
        return status == Status.RUNNING || status == Status.PAUSED || status == Status.PENDING;
    }
}

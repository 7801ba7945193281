package io.noetl.topology.trace;

import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.stream.NormalizedEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compact, order-independent state of one execution's trace: per step and per attempt (command id + attempt
 * number) the facts the events established, each folded with an operation that ignores arrival order and repetition
 * (min of starts, max of ends, status by precedence FAILED > COMPLETED > RUNNING > PENDING, earliest error by
 * timestamp then event id, smallest non-null of descriptive fields). Only {@link #eventCount} counts arrivals; the
 * de-duplication ahead of the trace makes it a count of distinct events.
 *
 * <p>An execution whose {@code playbook.started} never arrived is still traced: its start is its earliest event.
 * Bounded: at most {@link #MAX_STEPS} steps and {@link #MAX_ATTEMPTS_PER_STEP} attempts per step; what does not fit
 * is not added and the cut is recorded. Error messages are kept to {@link #MESSAGE_CHARS} characters.
 */
final class TraceState {

    static final int MAX_STEPS = 200;
    static final int MAX_ATTEMPTS_PER_STEP = 100;
    static final int MESSAGE_CHARS = 1024;
    /** The neutral value of a min fold. */
    static final long NONE_MIN = Long.MAX_VALUE;
    /** The neutral value of a max fold. */
    static final long NONE_MAX = Long.MIN_VALUE;

    static final int END_COMPLETED = 1;
    static final int END_CANCELLED = 2;
    static final int END_FAILED = 3;

    String parentExecutionId;
    String playbookPath;
    Integer playbookVersion;
    long workflowStart = NONE_MIN;
    long firstTs = NONE_MIN;
    long lastTs = NONE_MAX;
    long workflowEnd = NONE_MAX;
    int endStatus;
    long eventCount;
    ErrorFact workflowError;
    boolean cutSteps;
    boolean cutAttempts;
    /** Latest {@code step.waiting} (a step paused for a person's decision). */
    long lastWaiting = NONE_MAX;
    /** Latest event that moves the execution on: a step entered or exited, a decision, the end. */
    long lastProgress = NONE_MAX;
    final Map<String, StepFacts> steps = new LinkedHashMap<>();

    /** Folds one event in. */
    void fold(NormalizedEvent e) {
        long ts = e.timestamp().toEpochMilli();
        eventCount++;
        firstTs = Math.min(firstTs, ts);
        lastTs = Math.max(lastTs, ts);
        parentExecutionId = smallest(parentExecutionId, e.parentExecutionId());
        playbookPath = smallest(playbookPath, e.playbookPath());
        if (e.playbookVersion() != null && (playbookVersion == null || e.playbookVersion() < playbookVersion)) {
            playbookVersion = e.playbookVersion();
        }
        switch (e.eventType()) {
            case EventTypes.PLAYBOOK_STARTED -> workflowStart = Math.min(workflowStart, ts);
            case EventTypes.STEP_WAITING -> lastWaiting = Math.max(lastWaiting, ts);
            case EventTypes.STEP_ENTER, EventTypes.STEP_EXIT, EventTypes.DECISION_RECORDED ->
                    lastProgress = Math.max(lastProgress, ts);
            case EventTypes.PLAYBOOK_COMPLETED -> ended(ts, END_COMPLETED);
            case EventTypes.PLAYBOOK_CANCELLED -> ended(ts, END_CANCELLED);
            case EventTypes.PLAYBOOK_FAILED -> {
                ended(ts, END_FAILED);
                workflowError = ErrorFact.first(workflowError, error(e, ts));
            }
            default -> { }
        }
        if (e.step() != null) {
            foldStep(e, ts);
        }
    }

    private void foldStep(NormalizedEvent e, long ts) {
        StepFacts step = steps.get(e.step());
        if (step == null) {
            if (steps.size() >= MAX_STEPS) {
                cutSteps = true;
                return;
            }
            step = new StepFacts(e.step());
            steps.put(e.step(), step);
        }
        step.touched(ts);
        step.tool(e.toolKind());
        switch (e.eventType()) {
            case EventTypes.STEP_ENTER -> {
                step.enterMin = Math.min(step.enterMin, ts);
                step.enterMax = Math.max(step.enterMax, ts);
            }
            case EventTypes.STEP_EXIT -> {
                boolean failed = "FAILED".equals(e.status()) || e.error() != null;
                step.exited(ts, e.eventId(), failed ? AttemptFacts.FAILED : AttemptFacts.COMPLETED);
                step.exitError = ErrorFact.first(step.exitError, error(e, ts));
            }
            case EventTypes.COMMAND_ISSUED, EventTypes.COMMAND_CLAIMED, EventTypes.COMMAND_STARTED,
                    EventTypes.CALL_DONE, EventTypes.COMMAND_COMPLETED, EventTypes.CALL_ERROR,
                    EventTypes.COMMAND_FAILED, EventTypes.RETRY_SCHEDULED -> foldAttempt(step, e, ts);
            default -> { }
        }
    }

    private void foldAttempt(StepFacts step, NormalizedEvent e, long ts) {
        AttemptFacts a = step.attempt(e.commandId(), e.attempt() == null ? 1 : e.attempt());
        if (a == null) {
            cutAttempts = true;
            return;
        }
        a.worker(e.workerId());
        long reported = e.durationMs() == null ? -1 : e.durationMs();
        switch (e.eventType()) {
            case EventTypes.COMMAND_ISSUED -> {
                a.started(ts, 1);
                a.status(AttemptFacts.PENDING);
            }
            case EventTypes.COMMAND_CLAIMED -> {
                a.started(ts, 2);
                a.status(AttemptFacts.RUNNING);
            }
            case EventTypes.COMMAND_STARTED -> {
                a.started(ts, 3);
                a.status(AttemptFacts.RUNNING);
            }
            case EventTypes.CALL_DONE, EventTypes.COMMAND_COMPLETED -> {
                a.ended(ts, reported);
                a.status(AttemptFacts.COMPLETED);
            }
            case EventTypes.CALL_ERROR, EventTypes.COMMAND_FAILED -> {
                a.ended(ts, reported);
                a.status(AttemptFacts.FAILED);
            }
            default -> { // retry.scheduled: the attempt failed and another follows
                a.retryScheduled = true;
                a.status(AttemptFacts.FAILED);
            }
        }
        a.error = ErrorFact.first(a.error, error(e, ts));
    }

    private void ended(long ts, int status) {
        workflowEnd = Math.max(workflowEnd, ts);
        endStatus = Math.max(endStatus, status);
    }

    boolean terminal() {
        return endStatus > 0;
    }

    /**
     * Whether a step waits for a person's decision and nothing moved since: a paused execution is quiet by design,
     * not stuck. Timestamps decide, not arrival order; on a tie (events of one server transition) it waits.
     */
    boolean waitingForDecision() {
        return !terminal() && lastWaiting != NONE_MAX && lastWaiting >= lastProgress;
    }

    String status() {
        return switch (endStatus) {
            case END_COMPLETED -> "COMPLETED";
            case END_CANCELLED -> "CANCELLED";
            case END_FAILED -> "FAILED";
            default -> "RUNNING";
        };
    }

    private static ErrorFact error(NormalizedEvent e, long ts) {
        ErrorInfo err = e.error();
        if (err == null) {
            return null;
        }
        String message = err.message();
        if (message != null && message.length() > MESSAGE_CHARS) {
            message = message.substring(0, MESSAGE_CHARS);
        }
        return new ErrorFact(ts, e.eventId(), err.type(), e.errorClass(), e.templateId(), e.template(), message);
    }

    private static String smallest(String current, String candidate) {
        return candidate != null && (current == null || candidate.compareTo(current) < 0) ? candidate : current;
    }
}

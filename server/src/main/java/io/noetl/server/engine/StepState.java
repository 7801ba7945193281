package io.noetl.server.engine;

import io.noetl.schemas.Status;
import io.noetl.schemas.event.ErrorInfo;
import java.time.Instant;
import java.util.Map;

/**
 * What is known about one step of an execution (its latest entry when a step is entered more than once).
 *
 * @param name      step name
 * @param status    RUNNING while it works, PAUSED while waiting for a decision, then COMPLETED or FAILED
 *                  (CANCELLED when the execution was cancelled while it ran)
 * @param attempts  highest attempt number issued for the current entry (0 for steps without a tool)
 * @param entries   how many times the step has been entered (also the {@code msg_key} of its step events)
 * @param startedAt when it was last entered
 * @param endedAt   when it last finished, or null
 * @param args      its rendered arguments (step args with arc args over them)
 * @param result    its result: the tool's result, a list for loops, the decision for waiting steps, or
 *                  {@code {error: ...}} when a policy said continue; while PAUSED, the tool's result; may be null
 * @param error     why it failed, or null
 * @param toolKind  tool kind on the wire ({@code noop} for routing-only steps)
 * @param loop      loop progress, or null for steps without a loop
 */
public record StepState(
        String name,
        Status status,
        int attempts,
        int entries,
        Instant startedAt,
        Instant endedAt,
        Map<String, Object> args,
        Object result,
        ErrorInfo error,
        String toolKind,
        LoopProgress loop) {

    static StepState entered(StepState previous, String name, String toolKind, Instant now) {
        int entries = previous == null ? 1 : previous.entries + 1;
        Object lastResult = previous == null ? null : previous.result;
        return new StepState(name, Status.RUNNING, 0, entries, now, null, Map.of(), lastResult, null, toolKind, null);
    }

    public boolean active() {
        return status == Status.RUNNING || status == Status.PAUSED;
    }

    StepState withArgs(Map<String, Object> rendered) {
        return new StepState(name, status, attempts, entries, startedAt, endedAt, Maps.copy(rendered), result, error,
                toolKind, loop);
    }

    StepState withAttempt(int attempt) {
        return new StepState(name, status, Math.max(attempts, attempt), entries, startedAt, endedAt, args, result,
                error, toolKind, loop);
    }

    StepState withLoop(LoopProgress progress) {
        return new StepState(name, status, attempts, entries, startedAt, endedAt, args, result, error, toolKind,
                progress);
    }

    StepState paused(Object toolResult) {
        return new StepState(name, Status.PAUSED, attempts, entries, startedAt, endedAt, args, toolResult, error,
                toolKind, loop);
    }

    StepState completed(Object value, Instant now) {
        return new StepState(name, Status.COMPLETED, attempts, entries, startedAt, now, args, value, null, toolKind,
                loop);
    }

    StepState failed(ErrorInfo why, Instant now) {
        return new StepState(name, Status.FAILED, attempts, entries, startedAt, now, args, result, why, toolKind,
                loop);
    }

    StepState cancelled(Instant now) {
        return new StepState(name, Status.CANCELLED, attempts, entries, startedAt, now, args, result, error, toolKind,
                loop);
    }
}

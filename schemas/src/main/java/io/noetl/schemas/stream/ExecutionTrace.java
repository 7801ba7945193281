package io.noetl.schemas.stream;

import java.time.Instant;
import java.util.List;

/**
 * The latest trace of one execution, on the compacted topic {@code noetl.traces} keyed by execution id
 * (schema: {@code trace.schema.json}). The same set of events gives the same trace whatever their order
 * or repetition.
 *
 * @param status       a {@link io.noetl.schemas.Status} name
 * @param durationMs   workflow start to end, or null while running
 * @param steps        steps ordered by first start
 * @param criticalPath step names of the longest chain of steps that ran one after another
 * @param failedStep   the step whose failure failed the execution, or null
 * @param rootError    the first error of the failed step, or null
 * @param eventCount   distinct events folded into this trace
 * @param lastEventAt  timestamp of the latest event seen (for stuck-execution detection)
 * @param truncated    what was cut to keep the trace bounded ({@code steps}, {@code attempts}), or null when nothing
 */
public record ExecutionTrace(
        String executionId,
        String parentExecutionId,
        String playbookPath,
        Integer playbookVersion,
        String status,
        Instant startedAt,
        Instant endedAt,
        Long durationMs,
        List<StepTrace> steps,
        List<String> criticalPath,
        String failedStep,
        RootError rootError,
        long eventCount,
        Instant lastEventAt,
        List<String> truncated) {

    /** Steps beyond the per-trace cap were not added. */
    public static final String CUT_STEPS = "steps";
    /** Attempts beyond the per-step cap were not added. */
    public static final String CUT_ATTEMPTS = "attempts";

    /** A trace with nothing cut. */
    public ExecutionTrace(String executionId, String parentExecutionId, String playbookPath, Integer playbookVersion,
            String status, Instant startedAt, Instant endedAt, Long durationMs, List<StepTrace> steps,
            List<String> criticalPath, String failedStep, RootError rootError, long eventCount, Instant lastEventAt) {
        this(executionId, parentExecutionId, playbookPath, playbookVersion, status, startedAt, endedAt, durationMs,
                steps, criticalPath, failedStep, rootError, eventCount, lastEventAt, null);
    }
}

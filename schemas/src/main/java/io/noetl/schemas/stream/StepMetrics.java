package io.noetl.schemas.stream;

import java.time.Instant;

/**
 * Aggregates of one (playbook, step) over one window, on {@code noetl.metrics.step} keyed by
 * {@code playbook/step} (schema: {@code step-metrics.schema.json}). Durations come from a mergeable
 * quantile sketch (relative error bounded), counts are exact.
 *
 * @param count     attempts that ended in the window ({@code task_end} + {@code error})
 * @param failures  attempts that ended in error
 * @param retries   retries scheduled
 * @param errorRate failures / count (0 when count is 0)
 */
public record StepMetrics(
        String playbookPath,
        String step,
        Instant windowStart,
        Instant windowEnd,
        long count,
        long failures,
        long retries,
        double errorRate,
        Double durationP50Ms,
        Double durationP95Ms,
        Double durationP99Ms,
        Double durationMaxMs) {
}

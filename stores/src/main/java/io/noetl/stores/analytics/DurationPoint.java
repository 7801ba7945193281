package io.noetl.stores.analytics;

import java.time.Instant;

/** One finished attempt of a step: when it ended, its execution, attempt number, duration and status. */
public record DurationPoint(Instant time, String executionId, int attempt, long durationMs, String status) {
}

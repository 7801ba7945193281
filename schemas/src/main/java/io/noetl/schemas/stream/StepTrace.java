package io.noetl.schemas.stream;

import java.time.Instant;
import java.util.List;

/**
 * One step of an {@link ExecutionTrace}: its attempts in order and the outcome of the last one.
 *
 * @param status     a {@link io.noetl.schemas.Status} name
 * @param durationMs from the first attempt's start to the last attempt's end, or null while running
 * @param templateId error template of the last failed attempt, or null
 */
public record StepTrace(
        String step,
        String toolKind,
        String status,
        Instant startedAt,
        Instant endedAt,
        Long durationMs,
        List<StepAttempt> attempts,
        String errorClass,
        String templateId) {
}

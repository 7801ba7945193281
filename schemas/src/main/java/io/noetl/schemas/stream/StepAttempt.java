package io.noetl.schemas.stream;

import java.time.Instant;

/**
 * One attempt of a step in an {@link ExecutionTrace}.
 *
 * @param attempt    1-based attempt number
 * @param commandId  command of the attempt, or null
 * @param status     a {@link io.noetl.schemas.Status} name
 * @param errorClass wire name of the error class when it failed, else null
 * @param templateId error template id when it failed, else null
 * @param error      the (redacted) error message when it failed, else null
 */
public record StepAttempt(
        int attempt,
        String commandId,
        String status,
        Instant startedAt,
        Instant endedAt,
        Long durationMs,
        String workerId,
        String errorClass,
        String templateId,
        String error) {
}

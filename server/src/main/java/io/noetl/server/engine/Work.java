package io.noetl.server.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * One unit of work of an execution that is not finished yet: a command on its way to or running on a worker,
 * a retry waiting for its due time, a sub-playbook, or a step waiting for a person's decision.
 * At most one exists per step and loop index; worker events are matched to it by {@code commandId}.
 *
 * @param step             step name
 * @param loopIndex        loop item index, or null outside loops
 * @param phase            where the unit is
 * @param attempt          attempt number of the current (or, when SCHEDULED, the next) command
 * @param commandId        id of the current command; null when SCHEDULED, WAITING or CHILD
 * @param issuedEventId    id of the {@code command.issued} event of the current command, or null
 * @param childExecutionId the sub-playbook execution (CHILD), or null
 * @param issuedAt         when the current command or child was issued, or null
 * @param claimedAt        when a worker claimed it, or null
 * @param startedAt        when a worker started it (starts the timeout clock), or null
 * @param timeoutMs        the step's time limit, or null
 * @param dueAt            SCHEDULED: when the retry is due; WAITING: the decision deadline (null = none)
 */
public record Work(
        String step,
        Integer loopIndex,
        Phase phase,
        int attempt,
        String commandId,
        String issuedEventId,
        String childExecutionId,
        Instant issuedAt,
        Instant claimedAt,
        Instant startedAt,
        Long timeoutMs,
        Instant dueAt) {

    /** Grace past a step's time limit before the server gives up on a silent worker. */
    public static final Duration TIMEOUT_GRACE = Duration.ofSeconds(30);

    public enum Phase { SCHEDULED, ISSUED, CLAIMED, STARTED, CHILD, WAITING }

    public static String key(String step, Integer loopIndex) {
        return step + "#" + (loopIndex == null ? "-" : loopIndex);
    }

    public String key() {
        return key(step, loopIndex);
    }

    static Work issued(String step, Integer loopIndex, int attempt, String commandId, String issuedEventId,
                       Instant now, Long timeoutMs) {
        return new Work(step, loopIndex, Phase.ISSUED, attempt, commandId, issuedEventId, null, now, null, null,
                timeoutMs, null);
    }

    static Work child(String step, Integer loopIndex, int attempt, String childExecutionId, Instant now) {
        return new Work(step, loopIndex, Phase.CHILD, attempt, null, null, childExecutionId, now, null, null, null,
                null);
    }

    static Work scheduled(String step, Integer loopIndex, int attempt, Instant due) {
        return new Work(step, loopIndex, Phase.SCHEDULED, attempt, null, null, null, null, null, null, null, due);
    }

    static Work waiting(String step, Instant deadline) {
        return new Work(step, null, Phase.WAITING, 0, null, null, null, null, null, null, null, deadline);
    }

    Work claimed(Instant now) {
        return new Work(step, loopIndex, Phase.CLAIMED, attempt, commandId, issuedEventId, null, issuedAt, now, null,
                timeoutMs, null);
    }

    Work started(Instant now) {
        return new Work(step, loopIndex, Phase.STARTED, attempt, commandId, issuedEventId, null, issuedAt, claimedAt,
                now, timeoutMs, null);
    }

    /** When {@code tick} must look at this unit again, or null when only an event can move it. */
    Instant deadline(Duration claimTimeout) {
        return switch (phase) {
            case SCHEDULED, WAITING -> dueAt;
            case ISSUED -> claimTimeout == null ? null : issuedAt.plus(claimTimeout);
            case CLAIMED -> claimTimeout == null ? null : claimedAt.plus(claimTimeout);
            case STARTED -> timeoutMs == null ? null : startedAt.plusMillis(timeoutMs).plus(TIMEOUT_GRACE);
            case CHILD -> null;
        };
    }
}

package io.noetl.stores.analytics;

import java.time.Instant;

/**
 * A person's decision on a paused step, as recorded by a {@code decision.recorded} event.
 *
 * @param eventId     id of the decision event (the key)
 * @param executionId execution
 * @param playbook    playbook path
 * @param step        step that waited
 * @param action      {@code approve}, {@code reject} or {@code override}
 * @param decidedBy   who decided
 * @param reasoning   why (redacted text)
 * @param decidedAt   when
 */
public record DecisionRow(String eventId, String executionId, String playbook, String step, String action,
        String decidedBy, String reasoning, Instant decidedAt) {
}

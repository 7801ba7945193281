package io.noetl.stores.analytics;

import java.time.Instant;

/**
 * What fixed a failed execution, as a person recorded it ({@code resolution.recorded}).
 *
 * @param eventId     the resolution event's id
 * @param executionId the execution it resolves
 * @param playbook    its playbook path, or null
 * @param text        what fixed it
 * @param by          who recorded it, or null
 * @param at          when it was recorded
 */
public record ResolutionRow(String eventId, String executionId, String playbook, String text, String by,
        Instant at) {
}

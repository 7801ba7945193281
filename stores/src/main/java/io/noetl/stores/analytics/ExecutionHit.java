package io.noetl.stores.analytics;

import java.time.Instant;

/**
 * An execution that hit a failure fingerprint.
 *
 * @param executionId the execution
 * @param playbook    its playbook path
 * @param step        the step whose error had the fingerprint
 * @param at          the latest such error in the execution
 */
public record ExecutionHit(String executionId, String playbook, String step, Instant at) {
}

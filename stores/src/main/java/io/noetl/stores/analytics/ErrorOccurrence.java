package io.noetl.stores.analytics;

import java.time.Instant;

/**
 * One error event of an execution, as the topology normalized it.
 *
 * @param eventId     the event's id
 * @param executionId the execution
 * @param playbook    playbook path
 * @param step        the step whose attempt failed
 * @param attempt     the attempt number, or null
 * @param errorClass  the error class (DESIGN.md's taxonomy wire name), or null
 * @param templateId  the error template's id (the failure's fingerprint), or null
 * @param template    the error template's text, or null
 * @param message     the error message (redacted), or null
 * @param at          when it happened
 */
public record ErrorOccurrence(String eventId, String executionId, String playbook, String step, Integer attempt,
        String errorClass, String templateId, String template, String message, Instant at) {
}

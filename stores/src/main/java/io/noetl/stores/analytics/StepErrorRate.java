package io.noetl.stores.analytics;

/**
 * Errors of one step with one template.
 *
 * @param templateId error template, null for errors without one
 * @param errorClass the most frequent error class among these errors
 * @param errors     errors with this template
 * @param attempts   the step's finished attempts in the same range
 * @param rate       {@code errors / attempts}
 */
public record StepErrorRate(String playbook, String step, String templateId, String errorClass, long errors,
        long attempts, double rate) {
}

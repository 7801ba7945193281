package io.noetl.stores.analytics;

/**
 * How runs of a step that met an error of one class ended: whether a later attempt of the same run succeeded.
 *
 * @param errorClass       the class of the run's first error
 * @param runs             step runs (execution + step) that met an error of this class
 * @param recovered        of those, runs where a later attempt succeeded
 * @param medianAttempt    the median attempt number that succeeded, 0 when none did
 * @param maxAttempt       the highest attempt number that succeeded, 0 when none did
 */
public record ClassRecovery(String errorClass, long runs, long recovered, int medianAttempt, int maxAttempt) {
}

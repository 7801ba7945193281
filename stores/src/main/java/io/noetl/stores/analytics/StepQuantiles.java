package io.noetl.stores.analytics;

/**
 * Attempt durations of one step of a playbook ({@code task_end} and {@code error} events with a duration).
 *
 * @param step     the step
 * @param attempts finished attempts
 * @param failures of those, attempts that ended in an error
 * @param p50Ms    median duration
 * @param p95Ms    95th percentile
 * @param p99Ms    99th percentile
 * @param maxMs    longest
 */
public record StepQuantiles(String step, long attempts, long failures, double p50Ms, double p95Ms, double p99Ms,
        double maxMs) {
}

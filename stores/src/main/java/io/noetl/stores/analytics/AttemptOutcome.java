package io.noetl.stores.analytics;

/** Finished attempts with one attempt number, how many succeeded, and {@code successes / attempts}. */
public record AttemptOutcome(int attempt, long attempts, long successes, double successProbability) {
}

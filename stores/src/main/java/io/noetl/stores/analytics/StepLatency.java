package io.noetl.stores.analytics;

/** Attempt durations of one step: how many, median, 95th percentile and maximum, in milliseconds. */
public record StepLatency(String playbook, String step, long attempts, double p50Ms, double p95Ms, double maxMs) {
}

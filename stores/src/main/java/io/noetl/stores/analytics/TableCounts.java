package io.noetl.stores.analytics;

/** Distinct keys per table of one version. */
public record TableCounts(long events, long traces, long stepMetrics, long alerts, long decisions) {
}

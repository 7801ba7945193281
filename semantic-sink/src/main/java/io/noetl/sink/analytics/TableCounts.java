package io.noetl.sink.analytics;

/** Distinct keys per table of one version. */
public record TableCounts(long events, long traces, long stepMetrics, long alerts, long decisions) {
}

package io.noetl.sink.analytics;

/** Executions with one status. */
public record StatusCount(String status, long executions) {
}

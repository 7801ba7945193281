package io.noetl.stores.analytics;

/** Executions with one status. */
public record StatusCount(String status, long executions) {
}

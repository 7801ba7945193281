package io.noetl.stores.analytics;

/**
 * A record a store would not write, and why.
 *
 * @param record the record as given (a {@code NormalizedEvent}, {@code ExecutionTrace}, ...)
 * @param reason what is wrong, naming the field
 */
public record Rejected(Object record, String reason) {
}

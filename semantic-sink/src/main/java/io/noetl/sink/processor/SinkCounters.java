package io.noetl.sink.processor;

/**
 * What a sink processor did so far.
 *
 * @param written  records of committed batches that every index accepted
 * @param rejected dead letters sent (one per index that refused a record)
 * @param retries  attempts to write a batch again after a store refused it
 * @param batches  batches written and committed
 * @param paused   whether input is paused now, waiting for a store
 */
public record SinkCounters(long written, long rejected, long retries, long batches, boolean paused) {
}

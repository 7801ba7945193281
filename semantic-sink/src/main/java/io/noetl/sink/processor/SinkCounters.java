package io.noetl.sink.processor;

/**
 * What a sink processor did so far.
 *
 * @param written  records of committed batches that every index accepted
 * @param rejected records sent to the dead-letter topic (one per index that refused it)
 * @param retries  attempts to write a batch again after a store refused it
 * @param batches  batches written and committed
 * @param paused   whether input is paused now, waiting for a store
 */
public record SinkCounters(long written, long rejected, long retries, long batches, boolean paused) {
}

package io.noetl.sink.index;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka record an index would not take, and why (a malformed value, a vector of the wrong dimension, a payload
 * too large, a field over a bound).
 */
public record RejectedRecord(ConsumerRecord<byte[], byte[]> record, String reason) {
}

package io.noetl.sink.index;

import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.vector.Payload;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A point before it is embedded: the collection base it goes to, what it carries, what is embedded, and the record
 * it came from (to reject that record when the point cannot be written).
 */
record PointDraft(String base, Payload payload, EmbeddingInput input, ConsumerRecord<byte[], byte[]> source) {
}

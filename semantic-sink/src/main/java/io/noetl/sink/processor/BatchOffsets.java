package io.noetl.sink.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Offsets of a batch of records, per partition. */
final class BatchOffsets {

    private BatchOffsets() {
    }

    /** @return per partition, the offset to commit once the batch is written: one past its last record */
    static Map<TopicPartition, OffsetAndMetadata> toCommit(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            OffsetAndMetadata next = new OffsetAndMetadata(r.offset() + 1);
            out.merge(partition(r), next, (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return out;
    }

    /** @return per partition, the offset of its first record: where to read the batch again */
    static Map<TopicPartition, Long> first(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            first.merge(partition(r), r.offset(), Math::min);
        }
        return first;
    }

    static TopicPartition partition(ConsumerRecord<?, ?> r) {
        return new TopicPartition(r.topic(), r.partition());
    }
}

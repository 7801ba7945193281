package io.noetl.sink.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BatchOffsetsTest {

    private static final List<ConsumerRecord<byte[], byte[]>> BATCH = List.of(
            record("a", 0, 7), record("a", 0, 5), record("a", 1, 3), record("b", 0, 9), record("a", 0, 6));

    @Test
    void commitsOnePastTheLastRecordOfEachPartition() {
        assertThat(BatchOffsets.toCommit(BATCH)).isEqualTo(Map.of(
                new TopicPartition("a", 0), new OffsetAndMetadata(8),
                new TopicPartition("a", 1), new OffsetAndMetadata(4),
                new TopicPartition("b", 0), new OffsetAndMetadata(10)));
    }

    @Test
    void readsAgainFromTheFirstRecordOfEachPartition() {
        assertThat(BatchOffsets.first(BATCH)).isEqualTo(Map.of(
                new TopicPartition("a", 0), 5L,
                new TopicPartition("a", 1), 3L,
                new TopicPartition("b", 0), 9L));
    }

    static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset) {
        return new ConsumerRecord<>(topic, partition, offset, ("k" + offset).getBytes(), ("v" + offset).getBytes());
    }
}

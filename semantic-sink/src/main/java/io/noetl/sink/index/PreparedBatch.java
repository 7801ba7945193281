package io.noetl.sink.index;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Records of one batch and what an index worked out from them ahead of the write (decoded rows, for instance), see
 * {@link SinkIndex#prepare}.
 *
 * @param records the records, as read
 * @param work    the index's own result of preparing them, or null when it prepares nothing ahead
 */
public record PreparedBatch(List<ConsumerRecord<byte[], byte[]>> records, Object work) {

    public PreparedBatch {
        records = List.copyOf(records);
    }
}

package io.noetl.sink.index;

import io.noetl.schemas.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a Kafka record's JSON value as one of the stream records, with a reason naming the record when it cannot. */
final class RecordDecoder {

    private RecordDecoder() {
    }

    /**
     * @return the decoded value
     * @throws IllegalArgumentException naming the topic, partition and offset, and what is wrong
     */
    static <T> T decode(ConsumerRecord<byte[], byte[]> record, Class<T> type) {
        if (record.value() == null || record.value().length == 0) {
            throw new IllegalArgumentException(where(record) + ": empty value, expected a " + type.getSimpleName());
        }
        try {
            T value = Json.read(record.value(), type);
            if (value == null) {
                throw new IllegalArgumentException(where(record) + ": JSON null, expected a " + type.getSimpleName());
            }
            return value;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(where(record))) {
                throw e;
            }
            throw new IllegalArgumentException(where(record) + ": " + e.getMessage(), e);
        }
    }

    static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

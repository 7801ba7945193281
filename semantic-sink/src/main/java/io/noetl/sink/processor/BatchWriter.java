package io.noetl.sink.processor;

import io.noetl.schemas.Json;
import io.noetl.schemas.stream.DeadLetter;
import io.noetl.sink.index.PreparedBatch;
import io.noetl.sink.index.RejectedRecord;
import io.noetl.sink.index.SinkIndex;
import io.noetl.sink.index.SinkUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes one batch into the current version of every index, then the records they refused to the dead-letter topic
 * (each with the index's name before the reason), waiting for the acks. Returns normally only when all of it is
 * durable, so the caller may commit the batch's offsets.
 */
final class BatchWriter {

    private static final long DLQ_ACK_SECONDS = 30;

    private final List<SinkIndex> indexes;
    private final Producer<byte[], byte[]> dlq;
    private final String dlqTopic;

    BatchWriter(List<SinkIndex> indexes, Producer<byte[], byte[]> dlq, String dlqTopic) {
        this.indexes = List.copyOf(indexes);
        this.dlq = dlq;
        this.dlqTopic = dlqTopic;
    }

    /**
     * What a written batch left behind.
     *
     * @param deadLetters dead letters sent (one per index that refused a record)
     * @param refused     distinct records at least one index refused
     */
    record Outcome(int deadLetters, int refused) {
    }

    /**
     * A batch split per index and prepared by each (decoded ahead of the write).
     *
     * @param records the batch as read
     * @param parts   each index with its share of the batch, prepared
     */
    record Prepared(List<ConsumerRecord<byte[], byte[]>> records, List<Part> parts) {
    }

    /** One index's share of a batch. */
    record Part(SinkIndex index, PreparedBatch batch) {
    }

    /** Splits the batch by index and lets each prepare its share; touches no store, so it may run ahead. */
    Prepared prepare(List<ConsumerRecord<byte[], byte[]>> batch) {
        List<Part> parts = new ArrayList<>();
        for (SinkIndex index : indexes) {
            List<ConsumerRecord<byte[], byte[]>> mine = batch.stream()
                    .filter(r -> index.topics().contains(r.topic())).toList();
            if (!mine.isEmpty()) {
                parts.add(new Part(index, index.prepare(mine)));
            }
        }
        return new Prepared(batch, parts);
    }

    /**
     * @return how many records were refused
     * @throws SinkUnavailableException when an index or the dead-letter topic cannot take the batch now
     */
    Outcome write(List<ConsumerRecord<byte[], byte[]>> batch) {
        return write(prepare(batch));
    }

    /** As {@link #write(List)}, for a prepared batch. */
    Outcome write(Prepared batch) {
        List<DeadLetterOut> dead = new ArrayList<>();
        for (Part part : batch.parts()) {
            int version = currentOrBootstrap(part.index());
            for (RejectedRecord r : part.index().write(version, part.batch())) {
                dead.add(new DeadLetterOut(part.index().target().wireName(), r));
            }
        }
        sendDeadLetters(dead);
        Set<ConsumerRecord<byte[], byte[]>> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        dead.forEach(d -> refused.add(d.rejected.record()));
        return new Outcome(dead.size(), refused.size());
    }

    /** The first batch ever creates and switches to version 1 (safe when several instances do it at once). */
    private static int currentOrBootstrap(SinkIndex index) {
        int v = index.currentVersion();
        if (v == 0) {
            index.createVersion(1);
            index.switchTo(1);
            v = 1;
        }
        return v;
    }

    private void sendDeadLetters(List<DeadLetterOut> dead) {
        if (dead.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(dead.size());
        Instant now = Instant.now();
        for (DeadLetterOut d : dead) {
            ConsumerRecord<byte[], byte[]> r = d.rejected.record();
            byte[] original = r.value() == null ? new byte[0] : r.value();
            DeadLetter letter = new DeadLetter(d.index + ": " + d.rejected.reason(), r.topic(), r.partition(),
                    r.offset(), now, original, original.length);
            acks.add(dlq.send(new ProducerRecord<>(dlqTopic, r.key(), Json.bytes(letter))));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(DLQ_ACK_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new SinkUnavailableException("send " + dead.size() + " dead letters to " + dlqTopic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkUnavailableException("interrupted while sending dead letters to " + dlqTopic, e);
        }
    }

    private record DeadLetterOut(String index, RejectedRecord rejected) {
    }
}

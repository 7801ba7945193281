package io.noetl.sink.processor;

import io.noetl.sink.index.PreparedBatch;
import io.noetl.sink.index.RejectedRecord;
import io.noetl.sink.index.SinkIndex;
import io.noetl.sink.index.SinkUnavailableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Writes one batch into the current version of every index, then the records they refused to the dead-letter topic
 * (through {@link DeadLetterPublisher}, waiting for the acks). Returns normally only when all of it is durable, so the
 * caller may commit the batch's offsets.
 */
final class BatchWriter {

    private final List<SinkIndex> indexes;
    private final DeadLetterPublisher deadLetters;

    BatchWriter(List<SinkIndex> indexes, DeadLetterPublisher deadLetters) {
        this.indexes = List.copyOf(indexes);
        this.deadLetters = deadLetters;
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
        List<DeadLetterPublisher.Refusal> dead = new ArrayList<>();
        for (Part part : batch.parts()) {
            int version = currentOrBootstrap(part.index());
            for (RejectedRecord r : part.index().write(version, part.batch())) {
                dead.add(new DeadLetterPublisher.Refusal(part.index().target().wireName(), r));
            }
        }
        deadLetters.send(dead);
        Set<ConsumerRecord<byte[], byte[]>> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        dead.forEach(d -> refused.add(d.rejected().record()));
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
}

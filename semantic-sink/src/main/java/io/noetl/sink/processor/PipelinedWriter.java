package io.noetl.sink.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch in hand (being read) and the batch in flight (being written on a writer thread of its own): while one
 * batch is written, the next is read and prepared (decoded), so reading, decoding and committing overlap the store's
 * work. Batches are written one at a time and committed in the order they were read, each only after its write.
 * When a write fails, its batch is taken back into hand and the records read after it are dropped, to be read again
 * from their first offsets, so no commit ever passes a batch that was not written.
 *
 * <p>All methods run on the polling thread; only the writes handed over run on the writer thread.
 */
final class PipelinedWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelinedWriter.class);

    /** What the polling side does with batches this writer is done with; called on the polling thread. */
    interface Offsets {

        /** Commits the offsets of a written batch (and counts it); may throw when the group moved on. */
        void commit(List<ConsumerRecord<byte[], byte[]>> batch, BatchWriter.Outcome outcome);

        /** Reads dropped records again, from each partition's first dropped offset. */
        void readAgain(List<ConsumerRecord<byte[], byte[]>> dropped);
    }

    private final BatchWriter writer;
    private final Offsets offsets;
    private final ExecutorService writerThread;
    private List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
    private long batchStartedNanos;
    /** The batch being written on the writer thread, or null. */
    private InFlight inFlight;

    PipelinedWriter(BatchWriter writer, Offsets offsets, String threadName) {
        this.writer = writer;
        this.offsets = offsets;
        this.writerThread = Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().name(threadName).daemon(true).unstarted(r));
    }

    /** A batch handed to the writer thread, and the write's outcome. */
    private record InFlight(List<ConsumerRecord<byte[], byte[]>> batch, Future<BatchWriter.Outcome> outcome) {
    }

    /** Adds polled records to the batch in hand. */
    void add(ConsumerRecords<byte[], byte[]> records) {
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (batch.isEmpty()) {
                batchStartedNanos = System.nanoTime();
            }
            batch.add(r);
        }
    }

    /** @return the batch in hand: read, not yet handed to the writer thread */
    List<ConsumerRecord<byte[], byte[]>> batch() {
        return batch;
    }

    /** @return nanoseconds since the first record of the batch in hand was read */
    long batchAgeNanos() {
        return System.nanoTime() - batchStartedNanos;
    }

    /** @return whether a batch is in flight and its write has ended */
    boolean writeEnded() {
        return inFlight != null && inFlight.outcome().isDone();
    }

    /**
     * Prepares the batch in hand, completes the one in flight (committing it), then hands this one to the writer
     * thread. When the one in flight failed, it becomes the batch in hand again and this one is read again later.
     *
     * @return null, or why the batch in flight was not committed
     */
    RuntimeException flush() {
        BatchWriter.Prepared prepared = writer.prepare(batch);
        RuntimeException failure = complete();
        if (failure != null) {
            return failure;
        }
        List<ConsumerRecord<byte[], byte[]>> handed = batch;
        inFlight = new InFlight(handed, writerThread.submit(() -> writer.write(prepared)));
        batch = new ArrayList<>();
        return null;
    }

    /**
     * Waits for the batch in flight and commits its offsets. When its write or commit failed: the records read after
     * it are dropped (and read again), and it becomes the batch in hand.
     *
     * @return null when it was committed or nothing was in flight, else why it was not
     */
    RuntimeException complete() {
        if (inFlight == null) {
            return null;
        }
        InFlight done = inFlight;
        inFlight = null;
        try {
            offsets.commit(done.batch(), await(done.outcome()));
            return null;
        } catch (RuntimeException e) {
            if (!batch.isEmpty()) {
                offsets.readAgain(batch);
            }
            batch = done.batch();
            return e;
        }
    }

    /**
     * Writes the batch in hand on this thread and commits it; it is kept in hand when either fails.
     *
     * @throws RuntimeException what the write or the commit threw
     */
    void writeNow() {
        offsets.commit(batch, writer.write(batch));
        batch = new ArrayList<>();
    }

    /** Forgets the batch in hand, uncommitted. */
    void dropBatch() {
        batch = new ArrayList<>();
    }

    /**
     * Waits for the write in flight whatever its outcome, then forgets it and the batch in hand, uncommitted.
     *
     * @return the records forgotten, those in flight first
     */
    List<ConsumerRecord<byte[], byte[]>> dropAll() {
        List<ConsumerRecord<byte[], byte[]>> held = new ArrayList<>();
        if (inFlight != null) {
            InFlight dropped = inFlight;
            inFlight = null;
            try {
                await(dropped.outcome());
            } catch (RuntimeException e) {
                LOG.debug("sink: write of a dropped batch failed: {}", e.toString());
            }
            held.addAll(dropped.batch());
        }
        held.addAll(batch);
        batch = new ArrayList<>();
        return held;
    }

    /** @return the write's outcome; its failure rethrown as it was thrown on the writer thread */
    private static BatchWriter.Outcome await(Future<BatchWriter.Outcome> outcome) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("sink write failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a sink write", e);
        }
    }

    /** Stops the writer thread; a write still running is interrupted. */
    @Override
    public void close() {
        writerThread.shutdownNow();
    }
}

package io.noetl.sink.processor;

import io.noetl.schemas.Names;
import io.noetl.sink.index.SinkIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the topics of its indexes in the consumer group {@link Names#sinkConsumerGroup()} and writes them in batches
 * into every index's current version; offsets are committed only after every index accepted the batch and the
 * refused records are on {@link Names#sinkDeadLetterTopic()}.
 *
 * <p>When a store cannot take a batch, every assigned partition is paused (the consumer keeps polling, so it stays in
 * the group, but reads nothing new) and the same batch is written again after a backoff that doubles from
 * {@link SinkSettings#minBackoff()} to {@link SinkSettings#maxBackoff()}; after a success, input resumes. At most two
 * batches are held in memory (one being written, the next being read). Writes are idempotent, so a batch written
 * again after a crash or a rebalance leaves the same documents.
 *
 * <p>Writes run on a thread of their own: while a batch is written, the next one is read and prepared (decoded), so
 * reading, decoding and committing overlap the store's work. Batches are still written one at a time and in order,
 * and a batch's offsets are committed only after it was written; when a write fails, what was read after it is
 * dropped and read again once it is through, so no commit ever passes a batch that was not written.
 */
public final class SinkProcessor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkProcessor.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final SinkSettings settings;
    private final Names names;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final BatchWriter writer;
    private final Set<String> topics;
    private final Thread thread;
    private final ExecutorService writerThread;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean paused;

    // owned by the polling thread
    private List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
    /** The batch being written on the writer thread, or null. */
    private InFlight inFlight;
    private long batchStartedNanos;
    private long backoffMs;
    private long nextAttemptNanos;
    private long outageStartedNanos;
    private long outageRetries;

    private SinkProcessor(List<SinkIndex> indexes, Names names, SinkSettings settings) {
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("a sink needs at least one index");
        }
        this.settings = settings;
        this.names = names;
        Set<String> all = new TreeSet<>();
        indexes.forEach(i -> all.addAll(i.topics()));
        this.topics = Set.copyOf(all);
        this.consumer = new KafkaConsumer<>(settings.consumerProperties(names.sinkConsumerGroup()));
        this.producer = new KafkaProducer<>(settings.producerProperties());
        this.writer = new BatchWriter(indexes, producer, names.sinkDeadLetterTopic());
        this.thread = Thread.ofPlatform().name(settings.clientId()).unstarted(this::run);
        this.writerThread = Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().name(settings.clientId() + "-writer").daemon(true).unstarted(r));
    }

    /** A batch handed to the writer thread, and the write's outcome. */
    private record InFlight(List<ConsumerRecord<byte[], byte[]>> batch, Future<BatchWriter.Outcome> outcome) {
    }

    /**
     * Starts reading in a thread of its own.
     *
     * @param indexes the indexes to fill (not closed by this processor)
     * @param names   topic and group names
     */
    public static SinkProcessor start(List<SinkIndex> indexes, Names names, SinkSettings settings) {
        SinkProcessor p = new SinkProcessor(indexes, names, settings);
        p.thread.start();
        LOG.info("sink started: {} -> {} (group {}, batches of {} records or {} ms)", p.topics,
                indexes.stream().map(i -> i.target().wireName()).toList(), names.sinkConsumerGroup(),
                settings.batchSize(), settings.batchTime().toMillis());
        return p;
    }

    /** @return the topics read */
    public Set<String> topics() {
        return topics;
    }

    /** @return what was done so far */
    public SinkCounters counters() {
        return new SinkCounters(written.get(), rejected.get(), retries.get(), batches.get(), paused);
    }

    private void run() {
        try {
            consumer.subscribe(topics, new Rebalance());
            while (running) {
                if (paused) {
                    pollWhilePaused();
                    retryIfDue();
                } else {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout());
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        if (batch.isEmpty()) {
                            batchStartedNanos = System.nanoTime();
                        }
                        batch.add(r);
                    }
                    if (batchDue()) {
                        flush();
                    } else if (inFlight != null && inFlight.outcome().isDone()) {
                        completeInFlight();
                    }
                }
            }
            completeInFlight();
            if (!paused && !batch.isEmpty()) {
                tryFlush("close");
            }
        } catch (RuntimeException e) {
            LOG.error("sink stopped: {}", e.toString(), e);
        } finally {
            closeClients();
            finished.countDown();
        }
    }

    private Duration pollTimeout() {
        if (batch.isEmpty()) {
            return POLL;
        }
        long left = settings.batchTime().toNanos() - (System.nanoTime() - batchStartedNanos);
        return Duration.ofNanos(Math.max(0, Math.min(left, POLL.toNanos())));
    }

    private boolean batchDue() {
        return !batch.isEmpty() && (batch.size() >= settings.batchSize()
                || System.nanoTime() - batchStartedNanos >= settings.batchTime().toNanos());
    }

    /**
     * Prepares the batch, waits for the one before it (committing it), then hands this one to the writer thread. When
     * the one before failed, it becomes the batch in hand again, input pauses and this one is read again later.
     */
    private void flush() {
        BatchWriter.Prepared prepared = writer.prepare(batch);
        if (!completeInFlight()) {
            return;
        }
        List<ConsumerRecord<byte[], byte[]>> handed = batch;
        inFlight = new InFlight(handed, writerThread.submit(() -> writer.write(prepared)));
        batch = new ArrayList<>();
    }

    /**
     * Waits for the batch on the writer thread and commits its offsets. When its write failed: the records read
     * after it are dropped (and read again from their first offsets), it becomes the batch in hand, and input pauses.
     *
     * @return whether input goes on (true also when nothing was in flight)
     */
    private boolean completeInFlight() {
        if (inFlight == null) {
            return true;
        }
        InFlight done = inFlight;
        inFlight = null;
        try {
            commit(done.batch(), await(done.outcome()));
            return true;
        } catch (RuntimeException e) {
            if (!batch.isEmpty()) {
                rewind(batch, consumer.assignment());
            }
            batch = done.batch();
            pause(e);
            return false;
        }
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

    private void writeAndCommit() {
        commit(batch, writer.write(batch));
        batch = new ArrayList<>();
    }

    /** Commits a written batch's offsets and counts it. */
    private void commit(List<ConsumerRecord<byte[], byte[]>> done, BatchWriter.Outcome outcome) {
        consumer.commitSync(offsets(done));
        written.addAndGet(done.size() - outcome.refused());
        rejected.addAndGet(outcome.deadLetters());
        batches.incrementAndGet();
        if (outcome.deadLetters() > 0) {
            LOG.warn("sink: {} dead letter(s) for a batch of {} sent to {}", outcome.deadLetters(), done.size(),
                    names.sinkDeadLetterTopic());
        }
    }

    /** Reads the records of {@code dropped} again: seeks each partition among {@code owned} to its first offset. */
    private void rewind(List<ConsumerRecord<byte[], byte[]>> dropped, Collection<TopicPartition> owned) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : dropped) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        Set<TopicPartition> keep = new HashSet<>(owned);
        first.forEach((tp, offset) -> {
            if (keep.contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
    }

    /**
     * The batch was written but the group moved on before its offsets were committed: the partitions' new owners
     * read it again (writes are idempotent), so it is dropped here.
     */
    private boolean droppedAfterGroupMoved(RuntimeException cause) {
        if (!(cause instanceof CommitFailedException || cause instanceof RebalanceInProgressException)) {
            return false;
        }
        LOG.warn("sink: offsets of a batch of {} not committed ({}); it will be read again", batch.size(),
                cause.toString());
        batch = new ArrayList<>();
        return true;
    }

    private void pause(RuntimeException cause) {
        if (droppedAfterGroupMoved(cause)) {
            return;
        }
        paused = true;
        outageStartedNanos = System.nanoTime();
        outageRetries = 0;
        backoffMs = settings.minBackoff().toMillis();
        nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs);
        consumer.pause(consumer.assignment());
        LOG.warn("sink: a store cannot take a batch of {} records, input paused, retrying from {} ms up to {} ms: {}",
                batch.size(), backoffMs, settings.maxBackoff().toMillis(), cause.getMessage());
        LOG.debug("sink: store refusal", cause);
    }

    private void pollWhilePaused() {
        long waitNanos = Math.max(0, Math.min(POLL.toNanos(), nextAttemptNanos - System.nanoTime()));
        ConsumerRecords<byte[], byte[]> stray = consumer.poll(Duration.ofNanos(waitNanos));
        if (!stray.isEmpty()) {
            // records of a partition assigned before it could be paused: read them again later
            for (TopicPartition tp : stray.partitions()) {
                consumer.seek(tp, stray.records(tp).getFirst().offset());
            }
            consumer.pause(stray.partitions());
        }
    }

    private void retryIfDue() {
        if (!paused || System.nanoTime() < nextAttemptNanos) {
            return;
        }
        retries.incrementAndGet();
        outageRetries++;
        try {
            writeAndCommit();
            paused = false;
            consumer.resume(consumer.paused());
            LOG.warn("sink: stores take batches again after {} ms and {} retries; input resumed",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageStartedNanos), outageRetries);
        } catch (RuntimeException e) {
            if (droppedAfterGroupMoved(e)) {
                paused = false;
                consumer.resume(consumer.paused());
                return;
            }
            backoffMs = Math.min(settings.maxBackoff().toMillis(), backoffMs * 2);
            nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs);
            LOG.debug("sink: retry refused, next in {} ms: {}", backoffMs, e.getMessage());
        }
    }

    /**
     * One attempt, used when partitions go away or on close: on failure the batch is dropped uncommitted.
     *
     * @return whether the batch was written and committed
     */
    private boolean tryFlush(String why) {
        try {
            writeAndCommit();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("sink: batch of {} records not written on {} ({}); it will be read again", batch.size(), why,
                    e.getMessage());
            batch = new ArrayList<>();
            return false;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            OffsetAndMetadata next = new OffsetAndMetadata(r.offset() + 1);
            out.merge(tp, next, (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return out;
    }

    /** Finishes or drops the batch when partitions are revoked; keeps new partitions paused during an outage. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // the batch being written first: committed while these partitions are still ours, or back in hand
            completeInFlight();
            if (batch.isEmpty() || !touches(partitions)) {
                return;
            }
            List<ConsumerRecord<byte[], byte[]>> held = batch;
            if (!tryFlush("rebalance")) {
                rewindKept(held, partitions);
            }
            leaveOutage();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // another member may own them already: never commit, just forget what was read
            List<ConsumerRecord<byte[], byte[]>> held = new ArrayList<>();
            if (inFlight != null) {
                InFlight dropped = inFlight;
                inFlight = null;
                try {
                    await(dropped.outcome());
                } catch (RuntimeException e) {
                    LOG.debug("sink: write of a batch of partitions lost failed: {}", e.toString());
                }
                held.addAll(dropped.batch());
            }
            held.addAll(batch);
            batch = new ArrayList<>();
            rewindKept(held, partitions);
            leaveOutage();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (paused) {
                consumer.pause(partitions);
            }
        }

        private boolean touches(Collection<TopicPartition> partitions) {
            Set<TopicPartition> gone = new HashSet<>(partitions);
            return batch.stream().anyMatch(r -> gone.contains(new TopicPartition(r.topic(), r.partition())));
        }

        /** A dropped batch's records of partitions still owned are read again from their first offset. */
        private void rewindKept(List<ConsumerRecord<byte[], byte[]>> dropped, Collection<TopicPartition> gone) {
            Set<TopicPartition> owned = new HashSet<>(consumer.assignment());
            owned.removeAll(gone);
            rewind(dropped, owned);
        }

        private void leaveOutage() {
            if (paused && batch.isEmpty()) {
                paused = false;
                consumer.resume(consumer.paused());
            }
        }
    }

    private void closeClients() {
        writerThread.shutdownNow();
        try {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        } catch (RuntimeException e) {
            LOG.warn("sink: closing the consumer: {}", e.toString());
        }
        producer.close(CLOSE_TIMEOUT);
    }

    /** Stops reading: writes the batch in hand once (dropped uncommitted if a store refuses), then leaves the group. */
    @Override
    public void close() {
        // the loop polls at most 100 ms at a time and sees the flag; a wakeup could abort the last commit
        running = false;
        try {
            if (!finished.await(CLOSE_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS)) {
                LOG.warn("sink: did not stop within {} s", CLOSE_TIMEOUT.toSeconds() * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("sink stopped: {}", counters());
    }
}

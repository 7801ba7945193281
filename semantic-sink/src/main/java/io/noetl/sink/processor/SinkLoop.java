package io.noetl.sink.processor;

import io.noetl.schemas.Names;
import io.noetl.sink.index.SinkIndex;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's polling loop: polls the topics of its indexes, hands each full or timed-out batch to the
 * {@link PipelinedWriter}, commits what was written, pauses input while a store refuses a batch and writes it again
 * after a {@link Outage backoff}, and lets {@link SinkRebalance} finish or drop batches on a rebalance. Everything
 * runs on the polling thread except {@link #counters()} and {@link #stop()}.
 */
final class SinkLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkLoop.class);
    private static final Duration POLL = Duration.ofMillis(100);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final SinkSettings settings;
    private final Set<String> topics;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final DeadLetterPublisher deadLetters;
    private final PipelinedWriter pipeline;
    private final Outage outage;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean running = true;

    SinkLoop(List<SinkIndex> indexes, Set<String> topics, Names names, SinkSettings settings) {
        this.settings = settings;
        this.topics = topics;
        this.consumer = new KafkaConsumer<>(settings.consumerProperties(names.sinkConsumerGroup()));
        this.deadLetters = new DeadLetterPublisher(new KafkaProducer<>(settings.producerProperties()),
                names.sinkDeadLetterTopic(), CLOSE_TIMEOUT);
        this.pipeline = new PipelinedWriter(new BatchWriter(indexes, deadLetters), new Offsets(),
                settings.clientId() + "-writer");
        this.outage = new Outage(settings.minBackoff(), settings.maxBackoff());
    }

    /** @return what was done so far */
    SinkCounters counters() {
        return new SinkCounters(written.get(), rejected.get(), retries.get(), batches.get(), outage.active());
    }

    /** Ends the loop: it sees the flag within one poll; a wakeup could abort the last commit. */
    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics, new SinkRebalance(this, consumer, pipeline, outage));
            while (running) {
                if (outage.active()) {
                    pollWhilePaused();
                    retryIfDue();
                } else {
                    pipeline.add(consumer.poll(pollTimeout()));
                    if (batchDue()) {
                        flush();
                    } else if (pipeline.writeEnded()) {
                        completeInFlight();
                    }
                }
            }
            completeInFlight();
            if (!outage.active() && !pipeline.batch().isEmpty()) {
                tryFlush("close");
            }
        } catch (RuntimeException e) {
            LOG.error("sink stopped: {}", e.toString(), e);
        } finally {
            closeClients();
        }
    }

    private Duration pollTimeout() {
        if (pipeline.batch().isEmpty()) {
            return POLL;
        }
        long left = settings.batchTime().toNanos() - pipeline.batchAgeNanos();
        return Duration.ofNanos(Math.max(0, Math.min(left, POLL.toNanos())));
    }

    private boolean batchDue() {
        List<ConsumerRecord<byte[], byte[]>> batch = pipeline.batch();
        return !batch.isEmpty() && (batch.size() >= settings.batchSize()
                || pipeline.batchAgeNanos() >= settings.batchTime().toNanos());
    }

    private void flush() {
        RuntimeException failure = pipeline.flush();
        if (failure != null) {
            pause(failure);
        }
    }

    /** Completes the batch in flight: commits it, or takes it back into hand and pauses input. */
    void completeInFlight() {
        RuntimeException failure = pipeline.complete();
        if (failure != null) {
            pause(failure);
        }
    }

    /**
     * The batch was written but the group moved on before its offsets were committed: the partitions' new owners
     * read it again (writes are idempotent), so it is dropped here.
     */
    private boolean droppedAfterGroupMoved(RuntimeException cause) {
        if (!(cause instanceof CommitFailedException || cause instanceof RebalanceInProgressException)) {
            return false;
        }
        LOG.warn("sink: offsets of a batch of {} not committed ({}); it will be read again", pipeline.batch().size(),
                cause.toString());
        pipeline.dropBatch();
        return true;
    }

    private void pause(RuntimeException cause) {
        if (droppedAfterGroupMoved(cause)) {
            return;
        }
        outage.begin(System.nanoTime());
        consumer.pause(consumer.assignment());
        LOG.warn("sink: a store cannot take a batch of {} records, input paused, retrying from {} ms up to {} ms: {}",
                pipeline.batch().size(), outage.backoffMs(), settings.maxBackoff().toMillis(), cause.getMessage());
        LOG.debug("sink: store refusal", cause);
    }

    /** Ends the outage and resumes every paused partition. */
    void resume() {
        outage.end();
        consumer.resume(consumer.paused());
    }

    private void pollWhilePaused() {
        long waitNanos = Math.min(POLL.toNanos(), outage.nanosToNextAttempt(System.nanoTime()));
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
        if (!outage.attemptDue(System.nanoTime())) {
            return;
        }
        retries.incrementAndGet();
        try {
            pipeline.writeNow();
            resume();
            LOG.warn("sink: stores take batches again after {} ms and {} retries; input resumed",
                    outage.elapsedMs(System.nanoTime()), outage.retries());
        } catch (RuntimeException e) {
            if (droppedAfterGroupMoved(e)) {
                resume();
                return;
            }
            outage.refused(System.nanoTime());
            LOG.debug("sink: retry refused, next in {} ms: {}", outage.backoffMs(), e.getMessage());
        }
    }

    /**
     * One attempt, used when partitions go away or on close: on failure the batch is dropped uncommitted.
     *
     * @return whether the batch was written and committed
     */
    boolean tryFlush(String why) {
        try {
            pipeline.writeNow();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("sink: batch of {} records not written on {} ({}); it will be read again",
                    pipeline.batch().size(), why, e.getMessage());
            pipeline.dropBatch();
            return false;
        }
    }

    /** Reads the records of {@code dropped} again: seeks each partition among {@code owned} to its first offset. */
    void rewind(List<ConsumerRecord<byte[], byte[]>> dropped, Collection<TopicPartition> owned) {
        Set<TopicPartition> keep = new HashSet<>(owned);
        BatchOffsets.first(dropped).forEach((tp, offset) -> {
            if (keep.contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
    }

    /** Commits written batches and counts them; reads dropped records again from every partition owned. */
    private final class Offsets implements PipelinedWriter.Offsets {

        @Override
        public void commit(List<ConsumerRecord<byte[], byte[]>> done, BatchWriter.Outcome outcome) {
            consumer.commitSync(BatchOffsets.toCommit(done));
            written.addAndGet(done.size() - outcome.refused());
            rejected.addAndGet(outcome.deadLetters());
            batches.incrementAndGet();
            if (outcome.deadLetters() > 0) {
                LOG.warn("sink: {} dead letter(s) for a batch of {} sent to {}", outcome.deadLetters(), done.size(),
                        deadLetters.topic());
            }
        }

        @Override
        public void readAgain(List<ConsumerRecord<byte[], byte[]>> dropped) {
            rewind(dropped, consumer.assignment());
        }
    }

    private void closeClients() {
        pipeline.close();
        try {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        } catch (RuntimeException e) {
            LOG.warn("sink: closing the consumer: {}", e.toString());
        }
        deadLetters.close();
    }
}

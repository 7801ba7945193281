package io.noetl.sink.processor;

import io.noetl.schemas.Names;
import io.noetl.sink.index.SinkIndex;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>The parts: {@link SinkLoop} polls, pauses, retries and commits; {@link PipelinedWriter} runs the writer thread;
 * {@link BatchWriter} writes one batch into the indexes; {@link DeadLetterPublisher} sends the refused records.
 */
public final class SinkProcessor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkProcessor.class);

    private final Set<String> topics;
    private final SinkLoop loop;
    private final Thread thread;
    private final CountDownLatch finished = new CountDownLatch(1);

    private SinkProcessor(List<SinkIndex> indexes, Names names, SinkSettings settings) {
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("a sink needs at least one index");
        }
        Set<String> all = new TreeSet<>();
        indexes.forEach(i -> all.addAll(i.topics()));
        this.topics = Set.copyOf(all);
        this.loop = new SinkLoop(indexes, topics, names, settings);
        this.thread = Thread.ofPlatform().name(settings.clientId()).unstarted(this::run);
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
        return loop.counters();
    }

    private void run() {
        try {
            loop.run();
        } finally {
            finished.countDown();
        }
    }

    /** Stops reading: writes the batch in hand once (dropped uncommitted if a store refuses), then leaves the group. */
    @Override
    public void close() {
        loop.stop();
        long waitSeconds = SinkLoop.CLOSE_TIMEOUT.toSeconds() * 2;
        try {
            if (!finished.await(waitSeconds, TimeUnit.SECONDS)) {
                LOG.warn("sink: did not stop within {} s", waitSeconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("sink stopped: {}", counters());
    }
}

package io.noetl.sink.replay;

import io.noetl.sink.index.RejectedRecord;
import io.noetl.sink.index.SinkIndex;
import io.noetl.sink.index.SinkUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds one or more {@link SinkIndex}es from their Kafka topics.
 *
 * <p><b>Full replay</b>: builds version N (max existing + 1, or an unfinished newer version that has committed
 * offsets in its group {@code <prefix>noetl-replay-<target>-v<N>}, which is resumed) from the earliest offsets to the
 * end offsets seen at start, committing offsets after each write; readers keep using the old version. Then it
 * switches readers to N, waits until every live sink writes into N, copies what arrived meanwhile, drops the old
 * version and deletes its consumer group.
 *
 * <p><b>{@code --since} replay</b>: re-writes the records from a time on into the current version (no new version,
 * no group; writes are idempotent).
 *
 * <p>{@link #run()} blocks; {@link #progress()} may be read from any thread; {@link #close()} stops a running replay
 * during its copy (it ends {@link ReplayState#FAILED}, the old version still serving, and a new run resumes); once
 * readers were switched, the replay first finishes its catch-up (seconds) and completes.
 */
public final class ReplayJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayJob.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String target;
    private final List<SinkIndex> indexes;
    private final ReplaySettings settings;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile ReplayState state = ReplayState.PREPARING;
    private volatile int fromVersion;
    private volatile int toVersion;
    private volatile String error;
    private volatile Instant startedAt;
    private volatile Instant endedAt;
    /** Set once readers were switched: from then on a stop waits for the catch-up, so no record is left behind. */
    private volatile boolean finishing;

    /**
     * @param target   what the progress calls the job ({@code vectors}, {@code analytics}, {@code all})
     * @param indexes  the indexes to rebuild, one after the other; not empty
     * @param settings Kafka, batch and retry settings, and {@code since} for a repair
     * @param clock    time for rate and ETA
     */
    public ReplayJob(String target, List<SinkIndex> indexes, ReplaySettings settings, Clock clock) {
        if (indexes == null || indexes.isEmpty()) {
            throw new IllegalArgumentException("replay needs at least one index");
        }
        this.target = target;
        this.indexes = List.copyOf(indexes);
        this.settings = settings;
        this.clock = clock;
    }

    /** @return the consumer group that remembers how far a full replay of {@code index} into {@code version} got */
    public static String groupId(String prefix, SinkIndex index, int version) {
        return prefix + "noetl-replay-" + index.target().wireName() + "-v" + version;
    }

    /** Runs the replay to its end; returns the final snapshot (state {@code completed} or {@code failed}). */
    public ReplayProgress run() {
        startedAt = clock.instant();
        try (ReplayKafka kafka = new ReplayKafka(settings)) {
            List<ReplayPlan> plans = new ArrayList<>();
            for (SinkIndex index : indexes) {
                ReplayPlan plan = settings.since() == null ? kafka.planFull(index) : kafka.planSince(index,
                        settings.since());
                plans.add(plan);
                total.addAndGet(plan.remaining());
                fromVersion = plan.from;
                toVersion = plan.to;
                LOG.info("replay of {}: version {} -> {}, {} records to copy{}", index.target().wireName(),
                        plan.from, plan.to, plan.remaining(), plan.resumed ? " (resumed)" : "");
            }
            for (ReplayPlan plan : plans) {
                // a --since repair of a version built by another embedder would mix vectors; a full replay fixes it
                plan.index.writeRefusal(plan.to).ifPresent(problem -> {
                    throw new IllegalStateException(problem);
                });
            }
            state = ReplayState.COPYING;
            for (ReplayPlan plan : plans) {
                show(plan);
                copy(plan);
            }
            if (settings.since() == null) {
                state = ReplayState.SWITCHING;
                finishing = true;
                for (ReplayPlan plan : plans) {
                    plan.index.switchTo(plan.to);
                    LOG.info("readers of {} switched to version {}", plan.index.target().wireName(), plan.to);
                }
                // every live sink re-reads the pointer within POINTER_REFRESH_MS and finishes the batch it is on
                pause(Duration.ofMillis(2 * SinkIndex.POINTER_REFRESH_MS).plus(settings.liveBatchTime()));
                state = ReplayState.CATCHING_UP;
                for (ReplayPlan plan : plans) {
                    show(plan);
                    total.addAndGet(kafka.extendToEnd(plan));
                    copy(plan);
                }
                for (ReplayPlan plan : plans) {
                    if (plan.from > 0 && plan.from != plan.to) {
                        plan.index.dropVersion(plan.from);
                    }
                    kafka.deleteGroup(plan.group);
                }
            }
            state = ReplayState.COMPLETED;
            LOG.info("replay of {} completed: {} records{}", target, done.get(),
                    rejected.get() == 0 ? "" : ", " + rejected.get() + " rejected");
        } catch (ReplayStoppedException e) {
            fail("stopped before completion; the previous version still serves and a new run resumes");
        } catch (RuntimeException e) {
            LOG.error("replay of {} failed", target, e);
            fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return progress();
    }

    /** @return a snapshot of the progress so far */
    public ReplayProgress progress() {
        long d = done.get();
        long t = Math.max(total.get(), d);
        Instant start = startedAt;
        Instant end = endedAt != null ? endedAt : clock.instant();
        double seconds = start == null ? 0 : Math.max(0.001, Duration.between(start, end).toMillis() / 1000.0);
        double rate = seconds == 0 ? 0 : d / seconds;
        long eta = state == ReplayState.COMPLETED ? 0 : rate <= 0 ? -1 : (long) Math.ceil((t - d) / rate);
        return new ReplayProgress(target, state, d, t, rate, eta, fromVersion, toVersion, error);
    }

    /** @return records an index would not take (malformed values and the like) */
    public long rejected() {
        return rejected.get();
    }

    /** Stops a running replay at the next batch (or after its catch-up once switched). */
    @Override
    public void close() {
        stop.countDown();
    }

    private void show(ReplayPlan plan) {
        fromVersion = plan.from;
        toVersion = plan.to;
    }

    private void fail(String reason) {
        error = reason;
        state = ReplayState.FAILED;
        endedAt = clock.instant();
    }

    /** Copies every partition of {@code plan} from its position to its end offset. */
    private void copy(ReplayPlan plan) {
        List<TopicPartition> open = plan.open();
        if (open.isEmpty()) {
            return;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = ReplayKafka.consumer(settings, plan.group)) {
            consumer.assign(open);
            open.forEach(tp -> consumer.seek(tp, plan.position.get(tp)));
            while (!open.isEmpty()) {
                checkStop();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
                for (TopicPartition tp : records.partitions()) {
                    long end = plan.end.get(tp);
                    for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                        if (r.offset() < end) {
                            batch.add(r);
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    write(plan, batch);
                }
                Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                List<TopicPartition> finished = new ArrayList<>();
                for (TopicPartition tp : open) {
                    long pos = Math.min(consumer.position(tp), plan.end.get(tp));
                    long before = plan.position.put(tp, pos);
                    if (pos != before) {
                        done.addAndGet(pos - before);
                        commit.put(tp, new OffsetAndMetadata(pos));
                    }
                    if (pos >= plan.end.get(tp)) {
                        finished.add(tp);
                    }
                }
                if (plan.group != null && !commit.isEmpty()) {
                    consumer.commitSync(commit);
                }
                if (!finished.isEmpty()) {
                    consumer.pause(finished);
                    open.removeAll(finished);
                }
            }
        }
    }

    private void write(ReplayPlan plan, List<ConsumerRecord<byte[], byte[]>> batch) {
        long backoff = settings.retryBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                List<RejectedRecord> bad = plan.index.write(plan.to, batch);
                if (!bad.isEmpty()) {
                    rejected.addAndGet(bad.size());
                    LOG.warn("{} of {} records not written into {} version {}; first: {}", bad.size(), batch.size(),
                            plan.index.target().wireName(), plan.to, bad.getFirst().reason());
                }
                return;
            } catch (SinkUnavailableException e) {
                if (attempt >= settings.maxWriteAttempts()) {
                    throw new IllegalStateException("write " + batch.size() + " records into "
                            + plan.index.target().wireName() + " version " + plan.to + ": store unavailable after "
                            + attempt + " attempts: " + e.getMessage(), e);
                }
                long wait = backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                LOG.warn("store of {} unavailable (attempt {} of {}), retrying in {} ms: {}",
                        plan.index.target().wireName(), attempt, settings.maxWriteAttempts(), wait, e.getMessage());
                pause(Duration.ofMillis(wait));
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private void pause(Duration d) {
        try {
            if (finishing) {
                Thread.sleep(d);
                return;
            }
            if (stop.await(d.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ReplayStoppedException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayStoppedException();
        }
    }

    private void checkStop() {
        if (finishing) {
            return;
        }
        if (stop.getCount() == 0 || Thread.currentThread().isInterrupted()) {
            throw new ReplayStoppedException();
        }
    }

    @Override
    public String toString() {
        return "ReplayJob[" + target + ", " + indexes.stream().map(i -> i.target().wireName())
                .collect(Collectors.joining(",")) + "]";
    }

    private static final class ReplayStoppedException extends RuntimeException {
        ReplayStoppedException() {
            super("replay stopped", null, false, false);
        }
    }
}

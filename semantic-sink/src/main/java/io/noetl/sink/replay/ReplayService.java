package io.noetl.sink.replay;

import io.noetl.sink.index.IndexTarget;
import io.noetl.sink.index.SinkIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs replays of the indexes this process's sink owns, each on its own thread, at most one per index at a time;
 * remembers the last {@value #KEPT} jobs for status queries.
 */
public final class ReplayService implements AutoCloseable {

    /** The target that names every index. */
    public static final String ALL = "all";
    private static final Logger LOG = LoggerFactory.getLogger(ReplayService.class);
    private static final int KEPT = 100;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Map<IndexTarget, SinkIndex> indexes;
    private final ReplaySettings settings;
    private final Clock clock;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    /**
     * @param indexes  the indexes of this process's sink (their life belongs to the caller)
     * @param settings Kafka and batch settings; {@code since} is taken per job
     * @param clock    time for progress and for {@code since} durations
     */
    public ReplayService(Map<IndexTarget, SinkIndex> indexes, ReplaySettings settings, Clock clock) {
        this.indexes = new EnumMap<>(indexes);
        this.settings = settings;
        this.clock = clock;
    }

    /** A replay started by this service. */
    public record Job(String id, String target, List<IndexTarget> targets, ReplayJob replay, Thread thread) {
        /** @return its progress now */
        public ReplayProgress progress() {
            return replay.progress();
        }
    }

    /** A replay of an index is already running. */
    public static final class BusyException extends RuntimeException {
        public BusyException(String message) {
            super(message);
        }
    }

    /**
     * @param target {@code vectors}, {@code analytics} or {@code all}
     * @return the index targets it names
     * @throws IllegalArgumentException naming the accepted values, or an index this process does not run
     */
    public List<IndexTarget> resolve(String target) {
        if (ALL.equals(target)) {
            return List.copyOf(indexes.keySet());
        }
        IndexTarget t;
        try {
            t = IndexTarget.parse(target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown target '" + target + "': use vectors, analytics or all");
        }
        if (!indexes.containsKey(t)) {
            throw new IllegalArgumentException("this process runs no " + t.wireName() + " index");
        }
        return List.of(t);
    }

    /**
     * Starts a replay on its own thread.
     *
     * @param target {@code vectors}, {@code analytics} or {@code all}
     * @param since  null for a full replay, else the time a repair of the current version starts from
     * @throws BusyException when a replay of one of these indexes is running
     */
    public synchronized Job start(String target, Instant since) {
        List<IndexTarget> targets = resolve(target);
        for (Job job : jobs.values()) {
            if (!job.progress().state().terminal() && job.targets().stream().anyMatch(targets::contains)) {
                throw new BusyException("a replay of " + job.target() + " is running (job " + job.id() + ")");
            }
        }
        List<SinkIndex> chosen = new ArrayList<>();
        targets.forEach(t -> chosen.add(indexes.get(t)));
        ReplayJob replay = new ReplayJob(target, chosen, settings.withSince(since), clock);
        String id = UUID.randomUUID().toString();
        Thread thread = Thread.ofPlatform().name("noetl-replay-" + target).daemon().unstarted(replay::run);
        Job job = new Job(id, target, targets, replay, thread);
        jobs.put(id, job);
        while (jobs.size() > KEPT) {
            String oldest = jobs.keySet().iterator().next();
            if (!jobs.get(oldest).progress().state().terminal()) {
                break;
            }
            jobs.remove(oldest);
        }
        thread.start();
        LOG.info("replay job {} started: target {}{}", id, target, since == null ? "" : ", since " + since);
        return job;
    }

    /** @return the job with this id, if this service remembers it */
    public synchronized Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** @return the time now, for {@code since} durations */
    public Instant now() {
        return clock.instant();
    }

    /** Stops running replays (they resume on the next run) and waits briefly for their threads. */
    @Override
    public void close() {
        List<Job> all;
        synchronized (this) {
            all = List.copyOf(jobs.values());
        }
        all.forEach(j -> j.replay().close());
        for (Job j : all) {
            try {
                j.thread().join(STOP_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

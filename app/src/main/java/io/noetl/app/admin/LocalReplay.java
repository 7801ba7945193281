package io.noetl.app.admin;

import io.noetl.app.infra.EmbeddedKafka;
import io.noetl.schemas.Names;
import io.noetl.schemas.settings.Env;
import io.noetl.sink.index.IndexTarget;
import io.noetl.sink.index.SinkIndex;
import io.noetl.sink.index.SinkIndexes;
import io.noetl.sink.index.StoreSettings;
import io.noetl.sink.replay.ProgressBar;
import io.noetl.sink.replay.ReplayJob;
import io.noetl.sink.replay.ReplayProgress;
import io.noetl.sink.replay.ReplayService;
import io.noetl.sink.replay.ReplaySettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a replay in this process, on the stores the environment names ({@link SinkIndexes#open} under
 * {@code NOETL_DATA_DIR}) and the Kafka of {@code KAFKA_BOOTSTRAP_SERVERS} or the embedded broker, for when no
 * running API owns them.
 */
public final class LocalReplay {

    private static final long DRAW_EVERY_MS = 200;

    private LocalReplay() {
    }

    /**
     * @param target {@code vectors}, {@code analytics} or {@code all}
     * @param since  null for a full replay
     * @return the final progress
     */
    public static ReplayProgress run(Map<String, String> env, String target, Instant since, ProgressBar bar)
            throws InterruptedException {
        Names names = Env.of(env).names();
        StoreSettings stores = StoreSettings.fromEnv(env);
        try (EmbeddedKafka kafka = EmbeddedKafka.ensure(env);
                SinkIndexes indexes = SinkIndexes.open(stores, names)) {
            ReplaySettings settings = ReplaySettings.fromEnv(env, kafka.bootstrapServers()).withSince(since);
            ReplayJob job = new ReplayJob(target, chosen(indexes, target), settings, Clock.systemUTC());
            Thread runner = Thread.ofPlatform().name("noetl-replay").start(job::run);
            Thread stopOnExit = new Thread(() -> {
                job.close();
                joinQuietly(runner);
            }, "noetl-replay-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            try {
                while (runner.isAlive()) {
                    bar.update(job.progress());
                    runner.join(DRAW_EVERY_MS);
                }
            } finally {
                removeHook(stopOnExit);
            }
            ReplayProgress end = job.progress();
            bar.finish(end);
            return end;
        }
    }

    private static List<SinkIndex> chosen(SinkIndexes indexes, String target) {
        List<SinkIndex> out = new ArrayList<>();
        for (SinkIndex index : indexes.list()) {
            if (ReplayService.ALL.equals(target) || index.target() == IndexTarget.parse(target)) {
                out.add(index);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("this installation has no " + target + " index");
        }
        return out;
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it stops the replay
        }
    }
}

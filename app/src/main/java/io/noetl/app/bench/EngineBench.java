package io.noetl.app.bench;

import io.nats.client.Connection;
import io.noetl.app.client.NoetlClient;
import io.noetl.schemas.Names;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/** The three measurements of {@code bench engine}, against a running server + worker on private stream names. */
final class EngineBench {

    private static final int START_CONCURRENCY = 32;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    private final NoetlClient client;
    private final Connection nc;
    private final Names names;
    private final PrintWriter out;

    EngineBench(NoetlClient client, Connection nc, Names names, PrintWriter out) {
        this.client = client;
        this.nc = nc;
        this.names = names;
        this.out = out;
    }

    /** Writes so far to the execution-state KV bucket (its stream's last sequence). */
    private long stateWrites() throws Exception {
        return nc.jetStreamManagement().getStreamInfo("KV_" + names.executionsBucket()).getStreamState().getLastSequence();
    }

    BenchResult run(int executions, int steps, double pacedSeconds, int rawSamples) throws Exception {
        client.register(BenchPlaybook.yaml(steps));
        String path = BenchPlaybook.path(steps);
        try (CompletionWatcher watcher = new CompletionWatcher(nc, names)) {
            say("warm-up: %d executions", Math.min(50, executions));
            watcher.awaitAll(startAll(path, Math.min(50, executions)), RUN_TIMEOUT);

            say("throughput run: %d executions at once", executions);
            long writesBefore = stateWrites();
            long t0 = System.nanoTime();
            List<String> ids = startAll(path, executions);
            long failed = watcher.awaitAll(ids, RUN_TIMEOUT);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            requireNone(failed, "throughput");
            double stepsPerSecond = (double) executions * steps / elapsed;
            say("  %.2f s, %.0f steps/s, %.2f execution-state writes per step", elapsed, stepsPerSecond,
                    (double) (stateWrites() - writesBefore) / ((double) executions * steps));

            double rate = Math.max(0.5, stepsPerSecond / steps / 2);
            int paced = (int) Math.max(10, Math.min(executions, Math.round(rate * pacedSeconds)));
            say("paced run: %d executions at %.1f/s", paced, rate);
            List<String> pacedIds = startPaced(path, paced, rate);
            requireNone(watcher.awaitAll(pacedIds, RUN_TIMEOUT), "paced");
            Histogram claims = ClaimLatency.measure(nc, names, new HashSet<>(pacedIds));
            if (claims.getTotalCount() == 0) {
                throw new IllegalStateException("no command.issued/command.claimed pairs in " + names.eventsStream());
            }

            say("raw JetStream round trip: %d samples", rawSamples);
            Histogram raw = RawRoundTrip.measure(nc, names.prefix(), rawSamples);
            return new BenchResult(executions, steps, stepsPerSecond, paced, rate,
                    ms(claims.getValueAtPercentile(50)), ms(claims.getValueAtPercentile(99)), claims.getTotalCount(),
                    ms(raw.getValueAtPercentile(50)), ms(raw.getValueAtPercentile(99)));
        }
    }

    private List<String> startAll(String path, int n) throws Exception {
        Semaphore permits = new Semaphore(START_CONCURRENCY);
        List<Future<String>> futures = new ArrayList<>(n);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                permits.acquire();
                futures.add(pool.submit(() -> {
                    try {
                        return client.start(path, Map.of());
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<String> ids = new ArrayList<>(n);
        for (Future<String> f : futures) {
            ids.add(f.get());
        }
        return ids;
    }

    private List<String> startPaced(String path, int n, double perSecond) throws Exception {
        long interval = (long) (1e9 / perSecond);
        long t0 = System.nanoTime();
        List<Future<String>> futures = new ArrayList<>(n);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                long due = t0 + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                futures.add(pool.submit(() -> client.start(path, Map.of())));
            }
        }
        List<String> ids = new ArrayList<>(n);
        for (Future<String> f : futures) {
            ids.add(f.get());
        }
        return ids;
    }

    private static void requireNone(long failed, String run) {
        if (failed > 0) {
            throw new IllegalStateException(failed + " executions of the " + run + " run did not complete");
        }
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private void say(String format, Object... args) {
        out.println(String.format(java.util.Locale.ROOT, format, args));
        out.flush();
    }
}

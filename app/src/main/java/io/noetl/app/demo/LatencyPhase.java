package io.noetl.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.app.client.ApiException;
import io.noetl.app.client.NoetlClient;
import io.noetl.schemas.stream.Alert;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The demo's latency incident, provoked for real: runs {@link Examples#LATENCY_WATCH} {@value #BASELINE} times
 * against the fast quote API (enough history for the topology's latency baseline), slows the API down by
 * {@link #SLOW_DELAY}, runs it {@value #SLOW} more times and waits for the {@code latency_spike} alert of its
 * {@code call_api} step to come back over NATS; then the API recovers and {@value #RECOVERY} ordinary executions
 * let the incident close, so a later demo run can raise a new one.
 */
public final class LatencyPhase {

    /** Executions before the slow-down: the latency watch scores a step only after 50 durations. */
    public static final int BASELINE = 60;
    /** Slow executions: the watch compares the median of the last 5 durations with the baseline. */
    public static final int SLOW = 5;
    /** Ordinary executions after the slow-down. */
    public static final int RECOVERY = 5;
    /** What the quote API adds to every answer during the slow-down. */
    public static final Duration SLOW_DELAY = Duration.ofMillis(800);
    /** The step whose latency is watched. */
    public static final String STEP = "call_api";

    static final int IN_FLIGHT = 5;
    static final Duration ALERT_WAIT = Duration.ofSeconds(20);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private final NoetlClient client;
    private final DemoServices services;
    private final Map<String, Object> workload;
    private final PrintWriter out;

    public LatencyPhase(NoetlClient client, DemoServices services, Map<String, Object> workload, PrintWriter out) {
        this.client = client;
        this.services = services;
        this.workload = workload;
        this.out = out;
    }

    /** The step key alerts of this phase carry. */
    public static String stepKey() {
        return Examples.LATENCY_WATCH + "/" + STEP;
    }

    /** Runs the phase; returns the latency alert when it arrived within {@link #ALERT_WAIT}. */
    public Optional<Alert> run(AlertFeed feed) throws InterruptedException {
        String path = Examples.LATENCY_WATCH;
        say("");
        say("running %d baseline executions of %s against a fast API (the stream topology learns the usual "
                + "latency of step %s)…", BASELINE, path, STEP);
        services.quoteDelay(Duration.ZERO);
        long t0 = System.nanoTime();
        List<String> baseline = runBatch(BASELINE);
        say("baseline: %d of %d executions completed in %.1f s", baseline.size(), BASELINE, secondsSince(t0));

        say("the API slows down now: every quote takes %d ms longer; running %d more executions…",
                SLOW_DELAY.toMillis(), SLOW);
        services.quoteDelay(SLOW_DELAY);
        long slowAt = System.nanoTime();
        List<String> slow = runBatch(SLOW);
        say("%d slow executions completed; waiting for the latency alert on %s…", slow.size(), stepKey());
        Optional<Alert> alert = feed.await(a -> Alert.LATENCY_SPIKE.equals(a.type()) && stepKey().equals(a.key())
                && a.executionIds() != null && a.executionIds().stream().anyMatch(slow::contains), ALERT_WAIT);
        if (alert.isPresent()) {
            say("the latency alert arrived %.1f s after the slow-down began", secondsSince(slowAt));
        } else {
            say("no latency alert on %s within %d s: a step raises one alert per incident and at most one every "
                    + "5 minutes, and the topology keeps what it learned (under the data dir) from earlier runs",
                    stepKey(), ALERT_WAIT.toSeconds());
        }

        services.quoteDelay(Duration.ZERO);
        say("the API recovers; %d ordinary executions bring the step back to its usual latency", RECOVERY);
        runBatch(RECOVERY);
        return alert;
    }

    /**
     * Starts {@code n} executions, at most {@value #IN_FLIGHT} at a time, and waits for each to settle.
     *
     * @return the ids of those that completed
     */
    List<String> runBatch(int n) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<Future<String>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                slots.acquire();
                running.add(pool.submit(() -> {
                    try {
                        return runOne();
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<String> completed = new ArrayList<>();
            for (Future<String> f : running) {
                String id = join(f);
                if (id != null) {
                    completed.add(id);
                }
            }
            return completed;
        }
    }

    /** One execution; its id when it completed, else null (reported). */
    private String runOne() throws InterruptedException {
        String id = null;
        try {
            id = client.start(Examples.LATENCY_WATCH, workload);
            JsonNode state = client.await(id, NoetlClient.SETTLED, SETTLE_TIMEOUT);
            if ("COMPLETED".equals(state.path("status").asText())) {
                return id;
            }
            say("%s", new DemoExecution(Examples.LATENCY_WATCH, id, System.nanoTime(), state).summary());
        } catch (ApiException e) {
            say("[ERROR    ] %s execution %s: %s", Examples.LATENCY_WATCH, id, e.describe());
        }
        return null;
    }

    private static String join(Future<String> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return null;
        }
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void say(String format, Object... args) {
        synchronized (out) {
            out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
            out.flush();
        }
    }
}

package io.noetl.app.demo;

import io.noetl.sink.index.SinkIndexes;
import io.noetl.stores.analytics.StepLatency;
import io.noetl.stores.analytics.TimeRange;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What the sink's stores hold once the pipeline settled: one line of counts and one answer from the analytics store
 * (the slowest step by 95th percentile).
 */
public final class StoreReport {

    /** Attempts a step needs before its percentiles are reported as the slowest. */
    static final int MIN_ATTEMPTS = 5;

    private static final Duration STABLE = Duration.ofSeconds(3);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private StoreReport() {
    }

    /**
     * Waits until the stores' counts stop changing (at most 30 s), then returns the two lines.
     *
     * @return {@code stores: ...} and {@code insight: ...}
     */
    public static List<String> settle(SinkIndexes sink) throws InterruptedException {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        String last = sink.summary();
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - stableSince < STABLE.toNanos()) {
            Thread.sleep(250);
            String now = sink.summary();
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return List.of("stores: " + last, "insight: " + slowestStep(sink));
    }

    private static String slowestStep(SinkIndexes sink) {
        if (sink.analytics() == null) {
            return "no analytics store";
        }
        List<StepLatency> slowest = sink.analytics().store().slowestSteps(TimeRange.ALL, 50);
        if (slowest.isEmpty()) {
            return "no step durations recorded yet";
        }
        // a percentile of one or two attempts says little: prefer the slowest step with a few attempts behind it
        StepLatency s = slowest.stream().filter(l -> l.attempts() >= MIN_ATTEMPTS).findFirst()
                .orElse(slowest.getFirst());
        return String.format(Locale.ROOT, "slowest step by p95 is %s/%s: p95 %.0f ms, p50 %.0f ms, max %.0f ms over %d "
                + "attempts", s.playbook(), s.step(), s.p95Ms(), s.p50Ms(), s.maxMs(), s.attempts());
    }
}

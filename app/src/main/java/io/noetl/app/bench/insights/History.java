package io.noetl.app.bench.insights;

import io.noetl.schemas.Status;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.NormalizedEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the synthetic history — executions of the 50 playbooks spread evenly over the 30 days before now — and
 * loads it into the stores chunk by chunk ({@link StoreLoader}), offering the runs that met an error to the sample
 * the insights read as the server's executions.
 */
final class History {

    /** Days of history. */
    static final int DAYS = 30;
    /** Events written per chunk. */
    static final int CHUNK = 20_000;
    /** Events per execution, about (for spacing the executions over the history). */
    private static final double EVENTS_PER_RUN = 37.5;

    /**
     * What was loaded.
     *
     * @param seconds wall time of generation and load together
     */
    record Loaded(long events, long executions, long failed, long recovered, long resolutions, long failurePoints,
            int templates, double seconds, double analyticsSeconds, double vectorSeconds) {

        String human() {
            return String.format(Locale.ROOT, "load: %,d events of %,d executions (%,d failed, %,d recovered on a "
                    + "retry, %,d resolutions recorded), %,d failure points, %,d error templates, in %.1f s "
                    + "(%,.0f events/s); analytics store busy %.1f s, vector index busy %.1f s", events, executions,
                    failed, recovered, resolutions, failurePoints, templates, seconds, events / seconds,
                    analyticsSeconds, vectorSeconds);
        }
    }

    private History() {
    }

    /** Generates at least {@code events} events (whole executions) ending before {@code now} and loads them. */
    static Loaded load(List<SyntheticPlaybooks.Profile> playbooks, int events, long seed, Instant now,
            StoreLoader loader, SampleSource sample, PrintWriter progress) throws InterruptedException {
        long started = System.nanoTime();
        Instant historyStart = now.minus(Duration.ofDays(DAYS));
        RunGenerator generator = new RunGenerator(seed, historyStart, now);
        Normalization normalization = new Normalization();
        Random random = new Random(seed + 1);
        long spacing = Math.max(1, Duration.ofDays(DAYS).minusHours(1).toMillis() / Math.round(events
                / EVENTS_PER_RUN + 1));
        List<NormalizedEvent> chunk = new ArrayList<>(CHUNK + 64);
        List<ExecutionTrace> traces = new ArrayList<>();
        long written = 0;
        long executions = 0;
        long failed = 0;
        long recovered = 0;
        long resolutions = 0;
        long nextReport = 200_000;
        while (written + chunk.size() < events) {
            Instant start = historyStart.plusMillis(executions * spacing + random.nextLong(spacing / 2 + 1));
            RunGenerator.Run run = generator.run(playbooks.get(random.nextInt(playbooks.size())), start);
            executions++;
            List<NormalizedEvent> normalized = new ArrayList<>(run.events().size());
            for (Event e : run.events()) {
                normalized.add(normalization.of(e));
                resolutions += EventTypes.RESOLUTION_RECORDED.equals(e.eventType()) ? 1 : 0;
            }
            chunk.addAll(normalized);
            traces.add(TraceFold.of(normalized));
            if (run.hadErrors()) {
                failed += run.status() == Status.FAILED ? 1 : 0;
                recovered += run.status() == Status.COMPLETED ? 1 : 0;
                sample.offer(run);
            }
            if (chunk.size() >= CHUNK) {
                written += chunk.size();
                loader.write(chunk, traces);
                chunk = new ArrayList<>(CHUNK + 64);
                traces = new ArrayList<>();
                if (written >= nextReport) {
                    progress.printf(Locale.ROOT, "loaded %,d events in %.1f s%n", written,
                            (System.nanoTime() - started) / 1e9);
                    progress.flush();
                    nextReport += 200_000;
                }
            }
        }
        written += chunk.size();
        if (!chunk.isEmpty()) {
            loader.write(chunk, traces);
        }
        loader.await();
        return new Loaded(written, executions, failed, recovered, resolutions, loader.failurePoints(),
                normalization.templates(), (System.nanoTime() - started) / 1e9, loader.analyticsSeconds(),
                loader.vectorSeconds());
    }
}

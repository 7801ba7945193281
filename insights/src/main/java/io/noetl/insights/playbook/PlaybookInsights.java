package io.noetl.insights.playbook;

import io.noetl.insights.StoreAccess;
import io.noetl.insights.StoreUnavailableException;
import io.noetl.insights.TtlCache;
import io.noetl.insights.execution.ExecutionSource;
import io.noetl.insights.recommend.RetryAdvice;
import io.noetl.insights.recommend.StepPatch;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.Step;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.StepTrace;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.ClassRecovery;
import io.noetl.stores.analytics.StepQuantiles;
import io.noetl.stores.analytics.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which step of a playbook is the bottleneck and what should change: per step p50/p95/p99 and failures, its share
 * of the executions' critical path, whether its p95 grows and when it would cross its time limit, and
 * recommendations with evidence and a YAML patch — retry policy from recovery by error class, time limits from the
 * duration history, steps that can run in parallel, batching for loops.
 */
public final class PlaybookInsights {

    /** Traces read for the critical-path shares and the loop sizes. */
    static final int TRACES = 500;
    /** Durations read per step for its trend. */
    static final int HISTORY = 5_000;
    /** Attempts a step needs before its durations decide a time limit. */
    static final int MIN_ATTEMPTS_FOR_TIMEOUT = 20;
    /** The worker's default time limit ({@code NOETL_TOOL_TIMEOUT}). */
    static final long DEFAULT_TIMEOUT_MS = 300_000;

    private final ExecutionSource source;
    private final StoreAccess stores;
    private final Clock clock;
    private final TtlCache<List<Object>, PlaybookReport> reports;

    public PlaybookInsights(ExecutionSource source, StoreAccess stores, Clock clock, java.time.Duration reuse) {
        this.source = source;
        this.stores = stores;
        this.clock = clock;
        this.reports = new TtlCache<>(reuse, 1_000, clock);
    }

    /**
     * @param path  the playbook path
     * @param since start of the window
     * @throws StoreUnavailableException when the analytics store cannot be read
     */
    public PlaybookReport report(String path, Instant since) {
        // the same report is asked for again and again by a dashboard: a window start to the minute shares it
        long minute = since.getEpochSecond() / 60;
        return reports.get(List.of(path, minute), key -> build(path, since));
    }

    private PlaybookReport build(String path, Instant since) {
        AnalyticsStore analytics = stores.analytics().orElseThrow(() -> new StoreUnavailableException(
                StoreAccess.ANALYTICS, "no analytics store is readable from this process", null));
        Instant now = clock.instant();
        TimeRange range = new TimeRange(since, now.plusSeconds(60));
        Optional<ExecutionSource.Versioned> latest = source.latest(path);
        Playbook pb = latest.map(ExecutionSource.Versioned::playbook).orElse(null);
        List<StepQuantiles> quantiles;
        List<ExecutionTrace> traces;
        try {
            quantiles = analytics.stepQuantiles(path, range);
            traces = analytics.traces(path, range, TRACES);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(StoreAccess.ANALYTICS, "analytics store: " + e.getMessage(), e);
        }
        Map<String, Double> shares = CriticalPaths.shares(traces);
        List<PlaybookReport.StepReport> steps = new ArrayList<>();
        List<PlaybookReport.Advice> advice = new ArrayList<>();
        for (StepQuantiles q : quantiles) {
            Optional<Step> def = pb == null ? Optional.empty() : pb.step(q.step());
            long timeoutMs = def.map(s -> s.spec() == null ? null : s.spec().timeoutMs()).orElse(null) == null
                    ? DEFAULT_TIMEOUT_MS : def.get().spec().timeoutMs();
            PlaybookReport.Trend trend;
            List<ClassRecovery> recovery;
            try {
                trend = Trends.of(analytics.durationHistory(path, q.step(), range, HISTORY), timeoutMs, now);
                recovery = q.failures() > 0 ? analytics.recoveryByClass(path, q.step(), range) : List.of();
            } catch (RuntimeException e) {
                throw new StoreUnavailableException(StoreAccess.ANALYTICS, "analytics store: " + e.getMessage(), e);
            }
            String tool = def.map(s -> s.toolKind().wire()).orElse(null);
            steps.add(new PlaybookReport.StepReport(q.step(), tool, q.attempts(), q.failures(), tenth(q.p50Ms()),
                    tenth(q.p95Ms()), tenth(q.p99Ms()), shares.getOrDefault(q.step(), 0.0), timeoutMs, trend));
            retries(q, recovery, advice);
            timeout(q, def, timeoutMs, trend, advice);
        }
        if (pb != null) {
            parallel(pb, quantiles, advice);
            batching(pb, quantiles, traces, advice);
        }
        String bottleneck = shares.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        return new PlaybookReport(path, latest.map(ExecutionSource.Versioned::version).orElse(null), since,
                byStatus(traces), steps, bottleneck, advice, List.of());
    }

    private static void retries(StepQuantiles q, List<ClassRecovery> recovery, List<PlaybookReport.Advice> out) {
        List<String> evidence = recovery.stream().map(r -> String.format(Locale.ROOT,
                "%s: %d of %d runs recovered (median attempt %d, max %d)", r.errorClass(), r.recovered(), r.runs(),
                r.medianAttempt(), r.maxAttempt())).toList();
        RetryAdvice.retry(q.step(), recovery).ifPresent(r -> out.add(PlaybookReport.Advice.of(q.step(), "retry", r,
                evidence)));
        RetryAdvice.failFast(q.step(), recovery).ifPresent(r -> out.add(PlaybookReport.Advice.of(q.step(),
                "fail_fast", r, evidence)));
    }

    private static void timeout(StepQuantiles q, Optional<Step> def, long timeoutMs, PlaybookReport.Trend trend,
            List<PlaybookReport.Advice> out) {
        if (q.attempts() < MIN_ATTEMPTS_FOR_TIMEOUT || q.p99Ms() <= 0) {
            return;
        }
        boolean written = def.map(s -> s.spec() != null && s.spec().timeoutMs() != null).orElse(false);
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "%d attempts: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms", q.attempts(),
                q.p50Ms(), q.p95Ms(), q.p99Ms()));
        if (trend != null && trend.growing()) {
            evidence.add(String.format(Locale.ROOT, "p95 grows %.1f ms a day%s", trend.p95SlopeMsPerDay(),
                    trend.crossesTimeoutAt() == null ? "" : "; at this rate it reaches the limit of " + timeoutMs
                            + " ms at " + trend.crossesTimeoutAt()));
        }
        long proposed = Math.max(1, (long) Math.ceil(q.p99Ms() * (written ? 1.5 : 3) / 1000.0));
        if (written && q.p99Ms() * 1.5 > timeoutMs) {
            out.add(new PlaybookReport.Advice(q.step(), "timeout", "Raise the time limit of step " + q.step()
                    + " to " + human(proposed) + ".", "its p99 is within a third of its limit of " + timeoutMs
                    + " ms: slow attempts fail as timeouts", evidence, StepPatch.timeout(q.step(), proposed)));
        } else if (!written && proposed * 1000 * 10 < DEFAULT_TIMEOUT_MS) {
            out.add(new PlaybookReport.Advice(q.step(), "timeout", "Give step " + q.step() + " a time limit of "
                    + human(proposed) + ".", "it has none of its own, so a hung attempt runs the default "
                    + DEFAULT_TIMEOUT_MS / 1000 + " s while its p99 is " + Math.round(q.p99Ms()) + " ms", evidence,
                    StepPatch.timeout(q.step(), proposed)));
        }
    }

    private static void parallel(Playbook pb, List<StepQuantiles> quantiles, List<PlaybookReport.Advice> out) {
        Map<String, StepQuantiles> byStep = new HashMap<>();
        quantiles.forEach(q -> byStep.put(q.step(), q));
        for (Parallelism.Pair p : Parallelism.pairs(pb)) {
            StepQuantiles first = byStep.get(p.first());
            StepQuantiles second = byStep.get(p.second());
            if (first == null || second == null) {
                continue;
            }
            double saved = Math.min(first.p50Ms(), second.p50Ms());
            String patch = "- step: " + p.before() + "\n  next:\n    spec:\n      mode: inclusive\n    arcs:\n"
                    + "      - step: " + p.first() + "\n      - step: " + p.second() + "\n"
                    + "- step: " + p.first() + "\n  next:\n"
                    + (p.join() == null ? "    []\n" : "    - step: " + p.join() + "\n");
            out.add(new PlaybookReport.Advice(p.second(), "parallel", "Run steps " + p.first() + " and "
                    + p.second() + " side by side: " + p.before() + " starts both"
                    + (p.join() == null ? "." : " and " + p.join() + " waits for both."),
                    String.format(Locale.ROOT, "%s reads nothing %s produces; saves about %.0f ms (the shorter "
                            + "median) per execution", p.second(), p.first(), saved),
                    List.of(String.format(Locale.ROOT, "%s p50 %.0f ms, %s p50 %.0f ms", p.first(), first.p50Ms(),
                            p.second(), second.p50Ms())), patch));
        }
    }

    private static void batching(Playbook pb, List<StepQuantiles> quantiles, List<ExecutionTrace> traces,
            List<PlaybookReport.Advice> out) {
        for (Step s : pb.workflow()) {
            if (s.loop() == null) {
                continue;
            }
            double items = itemsPerExecution(traces, s.name());
            boolean sequential = s.loop().mode() == io.noetl.schemas.playbook.Loop.Mode.SEQUENTIAL;
            int inFlight = sequential ? 1 : Math.max(1, s.loop().maxInFlight());
            if (items < 4 || inFlight >= items) {
                continue;
            }
            int proposed = (int) Math.min(16, Math.max(4, Math.ceil(items / 4)));
            if (proposed <= inFlight) {
                continue;
            }
            StepQuantiles q = quantiles.stream().filter(x -> x.step().equals(s.name())).findFirst().orElse(null);
            String per = q == null ? "" : String.format(Locale.ROOT, ", p50 %.0f ms per item", q.p50Ms());
            out.add(new PlaybookReport.Advice(s.name(), "batching", "Run the items of loop " + s.name() + " "
                    + proposed + " at a time.", String.format(Locale.ROOT, "it runs %.1f items per execution %s",
                    items, sequential ? "one after the other" : inFlight + " at a time"),
                    List.of(String.format(Locale.ROOT, "%.1f items per execution%s", items, per)),
                    StepPatch.maxInFlight(s.name(), proposed)));
        }
    }

    private static double itemsPerExecution(List<ExecutionTrace> traces, String step) {
        long items = 0;
        long executions = 0;
        for (ExecutionTrace t : traces) {
            if (t.steps() == null) {
                continue;
            }
            for (StepTrace st : t.steps()) {
                if (step.equals(st.step()) && st.attempts() != null) {
                    items += st.attempts().size();
                    executions++;
                }
            }
        }
        return executions == 0 ? 0 : (double) items / executions;
    }

    private static Map<String, Long> byStatus(List<ExecutionTrace> traces) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (ExecutionTrace t : traces) {
            out.merge(t.status() == null ? "RUNNING" : t.status(), 1L, Long::sum);
        }
        return out;
    }

    private static double tenth(double ms) {
        return Math.round(ms * 10) / 10.0;
    }

    private static String human(long seconds) {
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}

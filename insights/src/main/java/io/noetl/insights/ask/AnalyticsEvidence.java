package io.noetl.insights.ask;

import io.noetl.insights.StoreAccess;
import io.noetl.insights.diagnosis.EvidenceItem;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.StepErrorRate;
import io.noetl.stores.analytics.StepLatency;
import io.noetl.stores.analytics.StepQuantiles;
import io.noetl.stores.analytics.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the analytics store tells over the history window: attempt durations by step (slowest first) and error
 * rates by step and template (most errors first), for one playbook, or across playbooks for a question about speed
 * or failure rates. A query the store cannot answer (down, or not implemented by its backend) names the store in
 * {@code missing}.
 */
final class AnalyticsEvidence {

    static final String STEP_LATENCY = "step_latency";
    static final String ERROR_RATE = "error_rate";
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsEvidence.class);
    private static final int ROWS = 5;
    private static final int FETCH = 200;

    private final StoreAccess stores;
    private final Duration window;
    private final Clock clock;

    AnalyticsEvidence(StoreAccess stores, Duration window, Clock clock) {
        this.stores = stores;
        this.window = window;
        this.clock = clock;
    }

    /** @param playbook the playbook asked about, or null for every playbook (then only for speed and rates) */
    List<EvidenceItem> collect(String playbook, Intent intent, List<String> missing) {
        boolean speed = playbook != null || intent == Intent.SLOW_STEP;
        boolean rates = playbook != null || intent == Intent.FAILURE_RATE;
        if (!speed && !rates) {
            return List.of();
        }
        Optional<AnalyticsStore> store = stores.analytics();
        if (store.isEmpty()) {
            Missing.add(missing, StoreAccess.ANALYTICS);
            return List.of();
        }
        AnalyticsStore a = store.get();
        Instant now = clock.instant();
        TimeRange range = new TimeRange(now.minus(window), now.plusSeconds(60));
        List<EvidenceItem> out = new ArrayList<>();
        if (speed) {
            List<StepQuantiles> quantiles = playbook == null ? List.of()
                    : read(() -> a.stepQuantiles(playbook, range), missing);
            if (!quantiles.isEmpty()) {
                quantiles.stream().sorted(Comparator.comparingDouble(StepQuantiles::p95Ms).reversed()).limit(ROWS)
                        .forEach(q -> out.add(latency(playbook, q)));
            } else {
                read(() -> a.slowestSteps(range, FETCH), missing).stream()
                        .filter(l -> playbook == null || playbook.equals(l.playbook())).limit(ROWS)
                        .forEach(l -> out.add(latency(l)));
            }
        }
        if (rates) {
            read(() -> a.errorRates(range, FETCH), missing).stream()
                    .filter(r -> playbook == null || playbook.equals(r.playbook())).limit(ROWS)
                    .forEach(r -> out.add(rate(r)));
        }
        return out;
    }

    private <T> List<T> read(Supplier<List<T>> query, List<String> missing) {
        try {
            List<T> rows = query.get();
            return rows == null ? List.of() : rows;
        } catch (RuntimeException e) {
            LOG.debug("analytics query not answered for a question: {}", e.toString());
            Missing.add(missing, StoreAccess.ANALYTICS);
            return List.of();
        }
    }

    private static EvidenceItem latency(String playbook, StepQuantiles q) {
        return new EvidenceItem("latency:" + playbook + "/" + q.step(), q.step(), STEP_LATENCY, String.format(
                Locale.ROOT, "step %s of %s: %d attempts, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms,"
                        + " %d failed", q.step(), playbook, q.attempts(), q.p50Ms(), q.p95Ms(), q.p99Ms(), q.maxMs(),
                q.failures()));
    }

    private static EvidenceItem latency(StepLatency l) {
        return new EvidenceItem("latency:" + l.playbook() + "/" + l.step(), l.step(), STEP_LATENCY, String.format(
                Locale.ROOT, "step %s of %s: %d attempts, p50 %.0f ms, p95 %.0f ms, max %.0f ms", l.step(),
                l.playbook(), l.attempts(), l.p50Ms(), l.p95Ms(), l.maxMs()));
    }

    private static EvidenceItem rate(StepErrorRate r) {
        return new EvidenceItem("errors:" + r.playbook() + "/" + r.step() + "/" + (r.templateId() == null ? "-"
                : r.templateId()), r.step(), ERROR_RATE, String.format(Locale.ROOT,
                "step %s of %s: %d errors in %d attempts (%.1f%%)%s%s", r.step(), r.playbook(), r.errors(),
                r.attempts(), r.rate() * 100, r.errorClass() == null ? "" : ", mostly " + r.errorClass(),
                r.templateId() == null ? "" : ", template " + r.templateId()));
    }
}

package io.noetl.topology.alert;

import io.noetl.schemas.Ulid;
import io.noetl.schemas.stream.Alert;
import io.noetl.topology.metrics.StepEvent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Builds the {@link Alert} record of each type with a message a person can act on. */
final class Alerts {

    private Alerts() {
    }

    static Alert latency(StepWatch w, double score, long ts, long wallNow) {
        LatencyWatch l = w.latency;
        double observed = l.observed();
        double expected = l.expected();
        String message = String.format(Locale.ROOT,
                "latency spike on step '%s' of %s: recent median %.0f ms vs baseline median %.0f ms (x%.1f)",
                w.parts.step(), w.parts.playbookPath(), observed, expected, expected > 0 ? observed / expected : 0);
        return alert(Alert.LATENCY_SPIKE, Severity.latency(score, observed, expected), w, l.recentSince(ts), ts,
                observed, expected, score, message, l.evidence(ts), null, wallNow);
    }

    static Alert errorRate(StepWatch w, double score, long ts, long wallNow) {
        ErrorRateWatch e = w.errorRate;
        String template = e.dominantTemplate();
        String message = String.format(Locale.ROOT,
                "error rate spike on step '%s' of %s: %.0f%% of recent attempts failed vs %.1f%% usually%s",
                w.parts.step(), w.parts.playbookPath(), 100 * e.observed(), 100 * e.expected(),
                template == null ? "" : "; most frequent error template " + template);
        return alert(Alert.ERROR_RATE_SPIKE, Severity.errorRate(score, e.observed(), e.expected()), w,
                e.failing().oldestTime(ts), ts, e.observed(), e.expected(), score, message,
                e.failing().executionIds(), template, wallNow);
    }

    static Alert throughput(StepWatch w, double score, long start, long end) {
        ThroughputWatch t = w.throughput;
        String message = String.format(Locale.ROOT,
                "throughput drop on step '%s' of %s: %d attempts in the last %d s vs %.1f expected",
                w.parts.step(), w.parts.playbookPath(), t.observed(), (end - start) / 1000, t.expected());
        return alert(Alert.THROUGHPUT_DROP, Severity.throughput(score, t.observed(), t.expected()), w, start, end,
                t.observed(), t.expected(), score, message, w.recent.executionIds(), null, end);
    }

    static Alert newTemplate(StepWatch w, double score, StepEvent e, long wallNow) {
        boolean firstFailure = w.templates.firstFailureEver();
        String message = String.format(Locale.ROOT,
                "new error template %s on step '%s' of %s after %d successful attempts%s",
                e.templateId(), w.parts.step(), w.parts.playbookPath(), w.templates.successes(),
                firstFailure ? " without a failure" : "");
        List<String> ids = e.executionId() == null ? List.of() : List.of(e.executionId());
        return alert(Alert.NEW_ERROR_TEMPLATE, Severity.newTemplate(firstFailure), w, e.timestampMs(),
                e.timestampMs(), 1, 0, score, message, ids, e.templateId(), wallNow);
    }

    private static Alert alert(String type, String severity, StepWatch w, long start, long end, double observed,
            double expected, double score, String message, List<String> executionIds, String templateId,
            long detectedAt) {
        return new Alert(Ulid.next(), type, severity, w.key, w.parts.playbookPath(), w.parts.step(),
                Instant.ofEpochMilli(Math.min(start, end)), Instant.ofEpochMilli(end), observed, expected, score,
                message, List.copyOf(executionIds), templateId, Instant.ofEpochMilli(detectedAt));
    }
}

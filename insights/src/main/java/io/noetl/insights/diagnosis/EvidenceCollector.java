package io.noetl.insights.diagnosis;

import io.noetl.insights.execution.ExecutionView;
import io.noetl.insights.recommend.StepHistory;
import io.noetl.insights.similar.SimilarFailure;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.stores.analytics.ClassRecovery;
import io.noetl.stores.analytics.StepQuantiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evidence list of a diagnosis: the events that decided it, quoted, and the history and similar failures read
 * from the stores, each under an id an answer may cite.
 */
final class EvidenceCollector {

    /** Most characters of a log or stack tail kept as evidence. */
    private static final int TAIL = 400;

    private EvidenceCollector() {
    }

    static List<EvidenceItem> collect(ExecutionView x, Finding f, FingerprintView fingerprint,
            List<SimilarFailure> similar, StepHistory history) {
        List<EvidenceItem> out = new ArrayList<>();
        for (Event e : f.attempts()) {
            if (e != f.cause()) {
                out.add(new EvidenceItem(e.eventId(), e.step(), "attempt", "attempt " + attempt(e) + " failed: "
                        + describe(e.error())));
            }
        }
        for (Event e : x.events()) {
            if (EventTypes.RETRY_SCHEDULED.equals(e.eventType()) && e.step() != null && e.step().equals(f.step())) {
                Object delay = e.meta() == null ? null : e.meta().get("delay_ms");
                out.add(new EvidenceItem(e.eventId(), e.step(), "retry", "retry after attempt " + attempt(e)
                        + (delay == null ? "" : " in " + delay + " ms")));
            }
        }
        Event cause = f.cause();
        if (cause != null) {
            String kind = switch (f.mode()) {
                case REJECTED -> "decision";
                case CANCELLED -> "cancel";
                default -> "error";
            };
            String text = f.mode() == Finding.Mode.REJECTED ? rejection(cause) : describe(f.error());
            Integer status = ErrorClasses.httpStatus(cause);
            if (status != null && !text.contains(String.valueOf(status))) {
                text = "HTTP " + status + ": " + text;
            }
            out.add(new EvidenceItem(cause.eventId(), cause.step(), kind, text));
            String tail = tail(cause.logs(), f.error() == null ? null : f.error().stack());
            if (tail != null) {
                out.add(new EvidenceItem(cause.eventId(), cause.step(), "logs", tail));
            }
        }
        if (fingerprint != null) {
            out.add(new EvidenceItem(fingerprint.id(), f.step(), "fingerprint", String.format(Locale.ROOT,
                    "template \"%s\" seen %d times in %d executions, first %s, last %s (%s)", fingerprint.template(),
                    fingerprint.occurrences(), fingerprint.executions(), fingerprint.firstSeen(),
                    fingerprint.lastSeen(), fingerprint.isNew() ? "new" : "chronic")));
        }
        if (f.step() != null) {
            String key = "history:" + x.playbookPath() + "/" + f.step();
            for (ClassRecovery r : history.recovery()) {
                out.add(new EvidenceItem(key, f.step(), "history", r.recovered() == 0
                        ? String.format(Locale.ROOT, "none of %d runs with a %s error recovered on a later attempt",
                                r.runs(), r.errorClass())
                        : String.format(Locale.ROOT, "%d of %d runs with a %s error recovered on a later attempt "
                                + "(median attempt %d)", r.recovered(), r.runs(), r.errorClass(), r.medianAttempt())));
            }
            StepQuantiles q = history.quantiles();
            if (q != null && q.attempts() > 0) {
                out.add(new EvidenceItem(key, f.step(), "history", String.format(Locale.ROOT,
                        "%d attempts: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d failed", q.attempts(), q.p50Ms(),
                        q.p95Ms(), q.p99Ms(), q.failures())));
            }
        }
        for (SimilarFailure s : similar) {
            String text = "execution " + s.executionId() + " (" + s.playbookPath() + ", step " + s.step()
                    + ") failed alike (score " + s.score() + "): " + s.error();
            if (s.resolution() != null) {
                text += "; resolved by " + (s.resolution().by() == null ? "someone" : s.resolution().by()) + ": "
                        + s.resolution().text();
            }
            out.add(new EvidenceItem(s.eventId() != null ? s.eventId() : s.executionId(), s.step(), "similar", text));
        }
        return out;
    }

    static String describe(ErrorInfo e) {
        if (e == null) {
            return "no error details";
        }
        String message = e.message() == null ? "" : e.message().strip();
        if (e.type() == null || message.startsWith(e.type())) {
            return message;
        }
        return e.type() + ": " + message;
    }

    private static String rejection(Event decision) {
        String who = RootCauseFinder.meta(decision, "decided_by");
        String why = RootCauseFinder.meta(decision, "reasoning");
        return "rejected by " + (who == null ? "unknown" : who) + ": " + (why == null ? "(no reason given)" : why);
    }

    private static String attempt(Event e) {
        return e.attempt() == null ? "?" : e.attempt().toString();
    }

    private static String tail(String logs, String stack) {
        String text = logs != null && !logs.isBlank() ? logs : stack;
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        return t.length() <= TAIL ? t : "…" + t.substring(t.length() - TAIL);
    }
}

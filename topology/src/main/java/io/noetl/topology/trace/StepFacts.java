package io.noetl.topology.trace;

import java.util.ArrayList;
import java.util.List;

/** What is known of one step of an execution, folded order-independently (see {@link TraceState}). */
final class StepFacts {

    final String name;
    String toolKind;
    long enterMin = TraceState.NONE_MIN;
    long enterMax = TraceState.NONE_MAX;
    /** Latest {@code step.exit}: its time, event id (tie-break) and status rank ({@link AttemptFacts}). */
    long exitMax = TraceState.NONE_MAX;
    String exitEventId;
    int exitStatus;
    long lastTs = TraceState.NONE_MAX;
    ErrorFact exitError;
    final List<AttemptFacts> attempts = new ArrayList<>(2);

    StepFacts(String name) {
        this.name = name;
    }

    void touched(long ts) {
        lastTs = Math.max(lastTs, ts);
    }

    void tool(String kind) {
        if (kind != null && (toolKind == null || kind.compareTo(toolKind) < 0)) {
            toolKind = kind;
        }
    }

    void exited(long ts, String eventId, int statusRank) {
        if (ts > exitMax || ts == exitMax && (exitEventId == null || eventId.compareTo(exitEventId) > 0)) {
            exitMax = ts;
            exitEventId = eventId;
            exitStatus = statusRank;
        }
    }

    /** The attempt, created when new; null when the per-step cap is reached. */
    AttemptFacts attempt(String commandId, int attempt) {
        for (AttemptFacts a : attempts) {
            if (a.matches(commandId, attempt)) {
                return a;
            }
        }
        if (attempts.size() >= TraceState.MAX_ATTEMPTS_PER_STEP) {
            return null;
        }
        AttemptFacts a = new AttemptFacts(commandId, attempt);
        attempts.add(a);
        return a;
    }

    long start() {
        long s = enterMin;
        for (AttemptFacts a : attempts) {
            s = Math.min(s, a.start);
        }
        return s;
    }

    long end() {
        long e = exitMax;
        for (AttemptFacts a : attempts) {
            e = Math.max(e, a.end);
        }
        return e;
    }

    /**
     * Status rank: the latest {@code step.exit} when no {@code step.enter} came after it; else the latest attempt's
     * status (a failed attempt with a retry scheduled counts as running); else running.
     */
    int status() {
        if (exitStatus > 0 && exitMax >= enterMax) {
            return exitStatus;
        }
        AttemptFacts latest = null;
        for (AttemptFacts a : attempts) {
            if (latest == null || AttemptFacts.ORDER.compare(a, latest) > 0) {
                latest = a;
            }
        }
        if (latest == null) {
            return AttemptFacts.RUNNING;
        }
        if (latest.status == AttemptFacts.FAILED && latest.retryScheduled) {
            return AttemptFacts.RUNNING;
        }
        return Math.max(latest.status, AttemptFacts.PENDING);
    }

    /** Earliest error of the step: its attempts' and its exit's. */
    ErrorFact firstError() {
        ErrorFact first = exitError;
        for (AttemptFacts a : attempts) {
            first = ErrorFact.first(first, a.error);
        }
        return first;
    }

    boolean terminal() {
        int s = status();
        return s == AttemptFacts.COMPLETED || s == AttemptFacts.FAILED;
    }
}

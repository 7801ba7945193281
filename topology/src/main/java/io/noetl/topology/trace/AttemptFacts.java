package io.noetl.topology.trace;

import java.util.Comparator;

/**
 * What is known of one attempt of a step (one command at one attempt number), folded so that arrival order and
 * repetition do not matter: earliest start by start quality, latest end, status by precedence, earliest error.
 */
final class AttemptFacts {

    /** Attempt order in a trace: by start (unknown last), then attempt number, then command id. */
    static final Comparator<AttemptFacts> ORDER = Comparator.<AttemptFacts>comparingLong(a -> a.start)
            .thenComparingInt(a -> a.attempt)
            .thenComparing(a -> a.commandId == null ? "" : a.commandId);

    static final int PENDING = 1;
    static final int RUNNING = 2;
    static final int COMPLETED = 3;
    static final int FAILED = 4;

    final String commandId;
    final int attempt;
    /** Earliest timestamp among the events of the best start quality seen ({@link #startRank}). */
    long start = TraceState.NONE_MIN;
    /** 0 none, 1 issued, 2 claimed, 3 started. */
    int startRank;
    long end = TraceState.NONE_MAX;
    int status;
    String workerId;
    long reportedDurationMs = -1;
    boolean retryScheduled;
    ErrorFact error;

    AttemptFacts(String commandId, int attempt) {
        this.commandId = commandId;
        this.attempt = attempt;
    }

    boolean matches(String commandId, int attempt) {
        return this.attempt == attempt && java.util.Objects.equals(this.commandId, commandId);
    }

    void started(long ts, int rank) {
        if (rank > startRank || rank == startRank && ts < start) {
            start = ts;
            startRank = rank;
        }
    }

    void ended(long ts, long durationMs) {
        end = Math.max(end, ts);
        reportedDurationMs = Math.max(reportedDurationMs, durationMs);
    }

    void status(int rank) {
        status = Math.max(status, rank);
    }

    void worker(String id) {
        if (id != null && (workerId == null || id.compareTo(workerId) < 0)) {
            workerId = id;
        }
    }

    boolean hasStart() {
        return start != TraceState.NONE_MIN;
    }

    boolean hasEnd() {
        return end != TraceState.NONE_MAX;
    }

    Long durationMs() {
        if (hasStart() && hasEnd() && end >= start) {
            return end - start;
        }
        return reportedDurationMs >= 0 ? reportedDurationMs : null;
    }

    static String statusName(int rank) {
        return switch (rank) {
            case COMPLETED -> "COMPLETED";
            case FAILED -> "FAILED";
            case RUNNING -> "RUNNING";
            default -> "PENDING";
        };
    }
}

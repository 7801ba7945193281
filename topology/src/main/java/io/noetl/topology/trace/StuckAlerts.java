package io.noetl.topology.trace;

import io.noetl.schemas.Ulid;
import io.noetl.schemas.stream.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Builds the {@code stuck_execution} alert of a running execution that has been quiet too long. */
final class StuckAlerts {

    private StuckAlerts() {
    }

    /** The alert's record key: {@code playbook/step} ({@code -} for an unknown part). */
    static String key(TraceState s) {
        StepFacts last = lastStep(s);
        return (s.playbookPath == null ? "-" : s.playbookPath) + "/" + (last == null ? "-" : last.name);
    }

    static Alert alert(String executionId, TraceState s, long lastSeenMs, long nowMs, Duration stuckAfter) {
        StepFacts last = lastStep(s);
        long quietMs = nowMs - lastSeenMs;
        String where = last == null ? "before any step" : "since step '" + last.name + "'";
        String message = "execution " + executionId + (s.playbookPath == null ? "" : " of " + s.playbookPath)
                + " is running but quiet for " + human(quietMs) + " " + where + " (stuck after " + human(
                stuckAfter.toMillis()) + ")";
        return new Alert(Ulid.next(), Alert.STUCK_EXECUTION, Alert.WARNING, executionId, s.playbookPath,
                last == null ? null : last.name, Instant.ofEpochMilli(lastSeenMs), Instant.ofEpochMilli(nowMs),
                quietMs, stuckAfter.toMillis(), 1.0, message, List.of(executionId), null, Instant.ofEpochMilli(nowMs));
    }

    /** The step with the latest event (ties: the greater name). */
    static StepFacts lastStep(TraceState s) {
        StepFacts last = null;
        for (StepFacts st : s.steps.values()) {
            if (last == null || st.lastTs > last.lastTs || st.lastTs == last.lastTs && st.name.compareTo(last.name) > 0) {
                last = st;
            }
        }
        return last;
    }

    static String human(long ms) {
        Duration d = Duration.ofMillis(ms);
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return d.toSeconds() + " s";
    }
}

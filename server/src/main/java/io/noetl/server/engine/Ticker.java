package io.noetl.server.engine;

import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.playbook.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Time-driven progress: due retries, silent workers, unclaimed commands, decisions not made in time. */
final class Ticker {

    private Ticker() {
    }

    static void tick(Progress p, Duration claimTimeout) {
        List<Work> snapshot = List.copyOf(p.state().work().values());
        for (Work w : snapshot) {
            if (p.terminal()) {
                return;
            }
            if (!w.equals(p.state().work().get(w.key()))) {
                continue; // moved on by an earlier unit of this tick
            }
            Instant deadline = w.deadline(claimTimeout);
            if (deadline == null || deadline.isAfter(p.now)) {
                continue;
            }
            Step step = p.step(w.step());
            switch (w.phase()) {
                case SCHEDULED -> Units.issue(p, step, w.loopIndex(), w.attempt());
                case ISSUED, CLAIMED -> Units.issue(p, step, w.loopIndex(), w.attempt() + 1);
                case STARTED -> Failures.attemptFailed(p, w, ErrorInfo.retriable("Timeout", "step " + w.step()
                        + " did not finish within " + Decisions.human(w.timeoutMs()) + " (attempt " + w.attempt()
                        + "; no result " + Work.TIMEOUT_GRACE.toSeconds() + "s past the limit)"), null);
                case WAITING -> Decisions.timedOut(p, w, step.spec().waitTimeoutMs());
                case CHILD -> {
                    // a child ends through its own events
                }
            }
        }
    }
}

package io.noetl.insights.ask;

import io.noetl.insights.diagnosis.EvidenceItem;
import io.noetl.insights.execution.ExecutionSource;
import io.noetl.insights.execution.ExecutionView;
import io.noetl.insights.execution.StepView;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What one execution tells about itself besides its diagnosis: the execution as a whole (its status and steps), its
 * longest step attempts, and how its playbook version differs from the one before.
 */
final class ExecutionEvidence {

    static final String EXECUTION = "execution";
    static final String DURATION = "duration";
    static final String PLAYBOOK_CHANGE = "playbook_change";
    private static final int DURATIONS = 5;

    private ExecutionEvidence() {
    }

    static EvidenceItem execution(ExecutionView x) {
        StringJoiner steps = new StringJoiner(", ");
        for (StepView s : x.steps()) {
            steps.add(s.name() + " (" + (s.toolKind() == null ? "no tool" : s.toolKind()) + ", " + s.status()
                    + (s.attempts() > 1 ? ", " + s.attempts() + " attempts" : "") + ")");
        }
        String text = "execution " + x.executionId() + " of playbook " + x.playbookPath() + " v" + x.playbookVersion()
                + ": " + x.status() + ", started " + x.startedAt() + (x.endedAt() == null ? "" : ", ended "
                + x.endedAt()) + (x.error() == null ? "" : "; error: " + x.error()) + "; steps: " + steps;
        return new EvidenceItem(x.executionId(), null, EXECUTION, text);
    }

    /** The execution's longest finished attempts, longest first. */
    static List<EvidenceItem> durations(ExecutionView x) {
        List<Event> attempts = new ArrayList<>();
        for (Event e : x.events()) {
            if (e.durationMs() != null && e.step() != null && (EventTypes.CALL_DONE.equals(e.eventType())
                    || EventTypes.CALL_ERROR.equals(e.eventType()))) {
                attempts.add(e);
            }
        }
        attempts.sort(Comparator.comparing(Event::durationMs).reversed());
        List<EvidenceItem> out = new ArrayList<>();
        for (Event e : attempts.subList(0, Math.min(DURATIONS, attempts.size()))) {
            out.add(new EvidenceItem(e.eventId(), e.step(), DURATION, "attempt " + (e.attempt() == null ? 1
                    : e.attempt()) + " of step " + e.step() + (e.toolKind() == null ? "" : " (" + e.toolKind() + ")")
                    + " took " + e.durationMs() + " ms and " + (EventTypes.CALL_ERROR.equals(e.eventType())
                    ? "failed" : "succeeded")));
        }
        return out;
    }

    /** How the execution's playbook version differs from the previous version, when both are known. */
    static Optional<EvidenceItem> playbookChange(ExecutionSource source, ExecutionView x) {
        int v = x.playbookVersion();
        if (v < 2) {
            return Optional.empty();
        }
        Optional<Playbook> now = source.playbook(x.playbookPath(), v);
        Optional<Playbook> before = source.playbook(x.playbookPath(), v - 1);
        if (now.isEmpty() || before.isEmpty()) {
            return Optional.empty();
        }
        List<String> changes = diff(before.get(), now.get());
        String text = "playbook " + x.playbookPath() + " v" + v + " against v" + (v - 1) + ": "
                + (changes.isEmpty() ? "no change in steps, tools or arcs" : String.join("; ", changes));
        return Optional.of(new EvidenceItem("playbook:" + x.playbookPath() + "@v" + v, null, PLAYBOOK_CHANGE, text));
    }

    static List<String> diff(Playbook before, Playbook now) {
        List<String> out = new ArrayList<>();
        for (Step s : now.workflow()) {
            Optional<Step> old = before.step(s.name());
            if (old.isEmpty()) {
                out.add("added step " + s.name() + " (" + s.toolKind().wire() + ")");
                continue;
            }
            Step o = old.get();
            if (o.toolKind() != s.toolKind()) {
                out.add("step " + s.name() + " changed tool " + o.toolKind().wire() + " -> " + s.toolKind().wire());
            } else if (o.tool() != null && s.tool() != null && !o.tool().config().equals(s.tool().config())) {
                out.add("step " + s.name() + " changed its " + s.toolKind().wire() + " settings");
            }
            if (!o.spec().equals(s.spec())) {
                out.add("step " + s.name() + " changed its spec (timeout, retries or wait)");
            }
            if (!o.next().arcs().stream().map(a -> a.step() + "|" + a.when()).toList()
                    .equals(s.next().arcs().stream().map(a -> a.step() + "|" + a.when()).toList())) {
                out.add("step " + s.name() + " changed its next arcs");
            }
        }
        for (Step o : before.workflow()) {
            if (now.step(o.name()).isEmpty()) {
                out.add("removed step " + o.name());
            }
        }
        return out;
    }
}

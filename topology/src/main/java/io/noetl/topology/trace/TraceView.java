package io.noetl.topology.trace;

import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.RootError;
import io.noetl.schemas.stream.StepAttempt;
import io.noetl.schemas.stream.StepTrace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders a {@link TraceState} as the {@link ExecutionTrace} on the wire. The failed step of a failed execution is
 * the failed step that failed first (its latest exit or attempt end, then its name); the root error is that step's
 * earliest error, or the execution's own error when no step failed (e.g. a sub-playbook that could not start).
 */
final class TraceView {

    private TraceView() {
    }

    static ExecutionTrace render(String executionId, TraceState s) {
        List<StepFacts> ordered = new ArrayList<>(s.steps.values());
        ordered.sort(Comparator.comparingLong(StepFacts::start).thenComparing(st -> st.name));
        List<StepTrace> steps = new ArrayList<>(ordered.size());
        List<CriticalPath.Span> spans = new ArrayList<>(ordered.size());
        for (StepFacts st : ordered) {
            steps.add(step(st));
            long start = st.start();
            if (start != TraceState.NONE_MIN) {
                long end = st.terminal() && st.end() != TraceState.NONE_MAX ? st.end() : Math.max(st.lastTs, start);
                spans.add(new CriticalPath.Span(st.name, start, end));
            }
        }
        long start = s.workflowStart != TraceState.NONE_MIN ? s.workflowStart : s.firstTs;
        Long end = s.terminal() ? s.workflowEnd : null;
        StepFacts failed = "FAILED".equals(s.status()) ? failedStep(ordered) : null;
        return new ExecutionTrace(executionId, s.parentExecutionId, s.playbookPath, s.playbookVersion, s.status(),
                instant(start), end == null ? null : instant(end), end == null ? null : Math.max(0, end - start),
                steps, CriticalPath.of(spans), failed == null ? null : failed.name, rootError(s, failed),
                s.eventCount, s.lastTs == TraceState.NONE_MAX ? null : instant(s.lastTs), truncated(s));
    }

    private static StepTrace step(StepFacts st) {
        List<AttemptFacts> facts = new ArrayList<>(st.attempts);
        facts.sort(AttemptFacts.ORDER);
        List<StepAttempt> attempts = new ArrayList<>(facts.size());
        AttemptFacts lastFailed = null;
        for (AttemptFacts a : facts) {
            ErrorFact e = a.error;
            attempts.add(new StepAttempt(a.attempt, a.commandId, AttemptFacts.statusName(a.status),
                    a.hasStart() ? instant(a.start) : null, a.hasEnd() ? instant(a.end) : null, a.durationMs(),
                    a.workerId, e == null ? null : e.errorClass(), e == null ? null : e.templateId(),
                    e == null ? null : e.message()));
            if (a.status == AttemptFacts.FAILED) {
                lastFailed = a;
            }
        }
        ErrorFact err = lastFailed != null && lastFailed.error != null ? lastFailed.error : st.exitError;
        long start = st.start();
        boolean done = st.terminal() && st.end() != TraceState.NONE_MAX;
        Long duration = done && start != TraceState.NONE_MIN ? Math.max(0, st.end() - start) : null;
        return new StepTrace(st.name, st.toolKind, AttemptFacts.statusName(st.status()),
                start == TraceState.NONE_MIN ? null : instant(start), done ? instant(st.end()) : null, duration,
                attempts, err == null ? null : err.errorClass(), err == null ? null : err.templateId());
    }

    private static StepFacts failedStep(List<StepFacts> steps) {
        StepFacts first = null;
        for (StepFacts st : steps) {
            if (st.status() == AttemptFacts.FAILED && (first == null || st.end() < first.end()
                    || st.end() == first.end() && st.name.compareTo(first.name) < 0)) {
                first = st;
            }
        }
        return first;
    }

    private static RootError rootError(TraceState s, StepFacts failed) {
        ErrorFact e = failed == null ? null : failed.firstError();
        String step = failed == null ? null : failed.name;
        if (e == null && "FAILED".equals(s.status())) {
            e = s.workflowError;
        }
        return e == null ? null
                : new RootError(step, e.eventId(), e.type(), e.errorClass(), e.templateId(), e.template(), e.message());
    }

    private static List<String> truncated(TraceState s) {
        if (!s.cutSteps && !s.cutAttempts) {
            return null;
        }
        List<String> cut = new ArrayList<>(2);
        if (s.cutSteps) {
            cut.add(ExecutionTrace.CUT_STEPS);
        }
        if (s.cutAttempts) {
            cut.add(ExecutionTrace.CUT_ATTEMPTS);
        }
        return cut;
    }

    private static Instant instant(long ms) {
        return Instant.ofEpochMilli(ms);
    }
}

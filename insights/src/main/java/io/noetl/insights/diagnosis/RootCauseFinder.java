package io.noetl.insights.diagnosis;

import io.noetl.insights.execution.ExecutionSource;
import io.noetl.insights.execution.ExecutionView;
import io.noetl.insights.execution.StepView;
import io.noetl.schemas.Status;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies DESIGN.md's root-cause contract to one execution's own events: the root cause of a failed execution is the
 * error that ended it (the last attempt of the step that failed it); of one that completed after retried errors, the
 * class of those errors; a person's rejection is {@code data_quality}, a cancel {@code cancelled}. A failed
 * sub-playbook step keeps its own name and takes the class of the child's root cause. Reads no store.
 */
public final class RootCauseFinder {

    private static final Pattern CHILD = Pattern.compile("sub-playbook execution ([0-9A-HJKMNP-TV-Z]{26})");
    private static final int MAX_DEPTH = 5;

    private final ExecutionSource source;
    private final ErrorClasses classes;

    public RootCauseFinder(ExecutionSource source, ErrorClasses classes) {
        this.source = source;
        this.classes = classes;
    }

    /** @return what the execution's events say caused its outcome */
    public Finding find(ExecutionView x) {
        return find(x, 0);
    }

    private Finding find(ExecutionView x, int depth) {
        return switch (x.status()) {
            case CANCELLED -> cancelled(x);
            case FAILED -> failed(x, depth);
            case COMPLETED -> retried(x, Finding.Mode.RETRIED).orElseGet(() -> clean(Finding.Mode.CLEAN));
            default -> retried(x, Finding.Mode.RUNNING).orElseGet(() -> running(x));
        };
    }

    private Finding failed(ExecutionView x, int depth) {
        Optional<Finding> rejected = rejected(x);
        if (rejected.isPresent()) {
            return rejected.get();
        }
        Event exit = last(x.events(), e -> EventTypes.STEP_EXIT.equals(e.eventType())
                && Status.FAILED.name().equals(e.status()) && e.step() != null);
        if (exit == null) {
            Event end = last(x.events(), e -> EventTypes.PLAYBOOK_FAILED.equals(e.eventType()));
            ErrorInfo error = end != null && end.error() != null ? end.error() : ErrorInfo.of("Error", x.error());
            ErrorClasses.Verdict v = classes.of(error, null, end);
            return new Finding(Finding.Mode.FAILED, null, v.errorClass(), error, end, List.of(), null, List.of(),
                    v.explicitCode());
        }
        String step = exit.step();
        List<Event> attempts = errorsOf(x, step);
        Event cause = attempts.isEmpty() ? exit : attempts.getLast();
        if (exit.error() != null && cause != exit && !sameError(cause.error(), exit.error())) {
            // the step failed for a reason of its own after its last attempt (a template, a policy, a child)
            cause = exit;
        }
        ErrorInfo error = cause.error() != null ? cause.error() : exit.error();
        String toolKind = toolKind(x, step, cause);
        Optional<Finding> child = child(error, depth);
        if (child.isPresent() && child.get().errorClass() != null) {
            Finding inner = child.get();
            List<String> path = new ArrayList<>();
            path.add(childLabel(error) + (inner.step() == null ? "" : "/" + inner.step()));
            path.addAll(inner.childPath());
            return new Finding(Finding.Mode.FAILED, step, inner.errorClass(), inner.error() != null ? inner.error()
                    : error, cause, attempts, toolKind, path, inner.explicitCode());
        }
        ErrorClasses.Verdict v = classes.of(error, toolKind, cause);
        return new Finding(Finding.Mode.FAILED, step, v.errorClass(), error, cause, attempts, toolKind, List.of(),
                v.explicitCode());
    }

    private Optional<Finding> rejected(ExecutionView x) {
        Event decision = last(x.events(), e -> EventTypes.DECISION_RECORDED.equals(e.eventType())
                && "reject".equals(meta(e, "action")));
        Event end = last(x.events(), e -> EventTypes.PLAYBOOK_FAILED.equals(e.eventType()));
        boolean endedByRejection = end != null && end.error() != null && "Rejected".equals(end.error().type());
        if (decision == null || (!endedByRejection && laterStepFailure(x, decision))) {
            return Optional.empty();
        }
        String who = meta(decision, "decided_by");
        String why = meta(decision, "reasoning");
        ErrorInfo error = endedByRejection ? end.error() : ErrorInfo.fatal("Rejected", "rejected by "
                + (who == null ? "unknown" : who) + ": " + (why == null ? "(no reason given)" : why));
        return Optional.of(new Finding(Finding.Mode.REJECTED, decision.step(), ErrorClass.DATA_QUALITY, error,
                decision, List.of(), toolKind(x, decision.step(), decision), List.of(), false));
    }

    private static boolean laterStepFailure(ExecutionView x, Event decision) {
        int at = x.events().indexOf(decision);
        for (int i = at + 1; i < x.events().size(); i++) {
            Event e = x.events().get(i);
            if (EventTypes.STEP_EXIT.equals(e.eventType()) && Status.FAILED.name().equals(e.status())
                    && !java.util.Objects.equals(e.step(), decision.step())) {
                return true;
            }
        }
        return false;
    }

    private Finding cancelled(ExecutionView x) {
        Event end = last(x.events(), e -> EventTypes.PLAYBOOK_CANCELLED.equals(e.eventType()));
        Event exit = last(x.events(), e -> EventTypes.STEP_EXIT.equals(e.eventType())
                && Status.CANCELLED.name().equals(e.status()) && e.step() != null);
        String step = exit != null ? exit.step() : x.steps().stream()
                .filter(s -> s.status() == Status.CANCELLED || s.status() == Status.RUNNING)
                .map(StepView::name).reduce((a, b) -> b).orElse(null);
        ErrorInfo error = end != null && end.error() != null ? end.error()
                : ErrorInfo.of("Cancelled", x.error() == null ? "cancelled" : x.error());
        return new Finding(Finding.Mode.CANCELLED, step, ErrorClass.CANCELLED, error, end, List.of(),
                step == null ? null : toolKind(x, step, exit), List.of(), false);
    }

    /** The step with the most errors among those that did not fail for good (ties: the latest). */
    private Optional<Finding> retried(ExecutionView x, Finding.Mode mode) {
        Map<String, List<Event>> byStep = new LinkedHashMap<>();
        for (Event e : x.events()) {
            if (EventTypes.CALL_ERROR.equals(e.eventType()) && e.step() != null) {
                byStep.computeIfAbsent(e.step(), k -> new ArrayList<>()).add(e);
            }
        }
        String best = null;
        long bestTime = Long.MIN_VALUE;
        for (Map.Entry<String, List<Event>> entry : byStep.entrySet()) {
            long time = entry.getValue().getLast().timestamp().toEpochMilli();
            if (best == null || entry.getValue().size() > byStep.get(best).size()
                    || (entry.getValue().size() == byStep.get(best).size() && time >= bestTime)) {
                best = entry.getKey();
                bestTime = time;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        List<Event> attempts = byStep.get(best);
        Event cause = attempts.getLast();
        String toolKind = toolKind(x, best, cause);
        ErrorClass majority = majorityClass(attempts, toolKind);
        ErrorClasses.Verdict v = classes.of(cause.error(), toolKind, cause);
        ErrorClass cls = majority != null ? majority : v.errorClass();
        return Optional.of(new Finding(mode, best, cls, cause.error(), cause, attempts, toolKind, List.of(),
                v.explicitCode()));
    }

    private ErrorClass majorityClass(List<Event> attempts, String toolKind) {
        Map<ErrorClass, Integer> counts = new LinkedHashMap<>();
        ErrorClass best = null;
        for (Event e : attempts) {
            ErrorClass c = classes.of(e.error(), toolKind, e).errorClass();
            int n = counts.merge(c, 1, Integer::sum);
            if (best == null || n >= counts.get(best)) {
                best = c;
            }
        }
        return best;
    }

    private static Finding running(ExecutionView x) {
        String waiting = x.status() == Status.PAUSED ? x.steps().stream().filter(s -> s.status() == Status.PAUSED)
                .map(StepView::name).findFirst().orElse(null) : null;
        return new Finding(Finding.Mode.RUNNING, waiting, null, null, null, List.of(), null, List.of(), false);
    }

    private static Finding clean(Finding.Mode mode) {
        return new Finding(mode, null, null, null, null, List.of(), null, List.of(), false);
    }

    private Optional<Finding> child(ErrorInfo error, int depth) {
        if (error == null || error.message() == null || depth >= MAX_DEPTH) {
            return Optional.empty();
        }
        Matcher m = CHILD.matcher(error.message());
        if (!m.find()) {
            return Optional.empty();
        }
        return source.execution(m.group(1)).filter(c -> c.status() == Status.FAILED || c.status() == Status.CANCELLED)
                .map(c -> find(c, depth + 1));
    }

    private String childLabel(ErrorInfo error) {
        Matcher m = CHILD.matcher(error.message());
        if (m.find()) {
            return source.execution(m.group(1)).map(ExecutionView::playbookPath).orElse(m.group(1));
        }
        return "sub-playbook";
    }

    private static List<Event> errorsOf(ExecutionView x, String step) {
        return x.events().stream()
                .filter(e -> EventTypes.CALL_ERROR.equals(e.eventType()) && step.equals(e.step()))
                .toList();
    }

    private static String toolKind(ExecutionView x, String step, Event event) {
        if (event != null && event.toolKind() != null) {
            return event.toolKind();
        }
        return step == null ? null : x.step(step).map(StepView::toolKind).orElse(null);
    }

    private static boolean sameError(ErrorInfo a, ErrorInfo b) {
        return a != null && b != null && java.util.Objects.equals(a.message(), b.message());
    }

    static String meta(Event e, String key) {
        if (e == null) {
            return null;
        }
        Object v = e.meta() == null ? null : e.meta().get(key);
        if (v == null && e.result() != null && e.result().hasNonNull(key)) {
            return e.result().get(key).asText();
        }
        return v == null ? null : v.toString();
    }

    private static Event last(List<Event> events, java.util.function.Predicate<Event> p) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (p.test(events.get(i))) {
                return events.get(i);
            }
        }
        return null;
    }
}

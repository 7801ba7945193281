package io.noetl.server.engine;

import io.noetl.schemas.playbook.Arc;
import io.noetl.schemas.playbook.Next;
import io.noetl.schemas.playbook.Step;
import io.noetl.schemas.template.TemplateException;
import io.noetl.schemas.template.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a finished step's {@code next} arcs and enters their targets. Arcs see the step's boundary event as
 * NoETL names it ({@code event.name}: {@code call.done}, {@code loop.done} for a loop, then {@code step.exit};
 * {@code call.error}, then {@code step.failed} for a failed step) and the step's outcome as {@code output}
 * ({@code status}, {@code data}, {@code error}) (NoETL docs: {@code reference/dsl/spec.md} §13.3 "Evaluation time").
 */
final class Routing {

    private Routing() {
    }

    /** An arc whose {@code when} is true, with its rendered args and writes. */
    record Taken(Arc arc, Map<String, Object> args, Map<String, Object> writes) {
    }

    /** True when at least one arc was taken; otherwise the branch ends at {@code step}. */
    static boolean follow(Progress p, Step step) {
        List<Taken> taken = select(p, step);
        return taken != null && enter(p, step, taken);
    }

    /**
     * The arcs of a completed step whose {@code when} is true (the first only, unless inclusive); null when the
     * execution ended or an arc could not be evaluated (the step has then failed).
     */
    static List<Taken> select(Progress p, Step step) {
        if (p.terminal()) {
            return null;
        }
        try {
            Object result = p.state().step(step.name()).result();
            List<Taken> taken = select(p, step, step.loop() != null ? "loop.done" : "call.done", result, null, false);
            if (taken.isEmpty() && readsEvent(step)) {
                taken = select(p, step, "step.exit", result, null, false);
            }
            return taken;
        } catch (TemplateException e) {
            Failures.templateError(p, step.name(), e);
            return null;
        }
    }

    /**
     * The arcs of a failed step that handle its failure: only arcs whose {@code when} reads the event or the
     * outcome ({@code event.name == 'call.error'}, {@code output.status == 'error'}) are considered; empty when
     * none is true or one cannot be evaluated.
     */
    static List<Taken> onFailure(Progress p, Step step, Map<String, Object> error) {
        if (!readsEvent(step)) {
            return List.of();
        }
        try {
            List<Taken> taken = select(p, step, "call.error", null, error, true);
            return taken.isEmpty() ? select(p, step, "step.failed", null, error, true) : taken;
        } catch (TemplateException e) {
            return List.of();
        }
    }

    /** Enters the targets of {@code taken}; with none, the branch ends at {@code step}. True if one was entered. */
    static boolean enter(Progress p, Step step, List<Taken> taken) {
        if (taken.isEmpty()) {
            p.update(s -> s.withBranchEnd(step.name()));
            return false;
        }
        for (Taken t : taken) {
            Writes.applyRendered(p, t.writes());
        }
        for (Taken t : taken) {
            Steps.enter(p, t.arc().step(), t.args());
        }
        return true;
    }

    private static List<Taken> select(Progress p, Step step, String eventName, Object result,
                                      Map<String, Object> error, boolean failure) {
        Map<String, Object> ctx = new LinkedHashMap<>(TemplateContext.forStep(p, step.name(), null));
        ctx.put("event", Map.of("name", eventName, "step", step.name()));
        ctx.put("output", Maps.of("status", error == null ? "ok" : "error", "data", result, "error", error));
        List<Taken> taken = new ArrayList<>();
        for (Arc arc : step.next().arcs()) {
            if (failure && !readsEvent(arc.when())) {
                continue;
            }
            if (Templates.test(arc.when(), ctx)) {
                Map<String, Object> args = new LinkedHashMap<>(Maps.asMap(Templates.render(arc.args(), ctx)));
                Map<String, Object> writes = new LinkedHashMap<>(Maps.asMap(Templates.render(arc.set(), ctx)));
                taken.add(new Taken(arc, args, writes));
                if (step.next().mode() == Next.Mode.EXCLUSIVE) {
                    break;
                }
            }
        }
        return taken;
    }

    private static boolean readsEvent(Step step) {
        return step.next().arcs().stream().anyMatch(a -> readsEvent(a.when()));
    }

    private static boolean readsEvent(String when) {
        return when != null && (when.contains("event.") || when.contains("output.") || when.contains("outcome."));
    }
}

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

/** Evaluates a completed step's {@code next} arcs and enters their targets. */
final class Routing {

    private Routing() {
    }

    /** An arc whose {@code when} is true, with its rendered args. */
    record Taken(Arc arc, Map<String, Object> args) {
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
        Map<String, Object> ctx = TemplateContext.forStep(p, step.name(), null);
        List<Taken> taken = new ArrayList<>();
        try {
            for (Arc arc : step.next().arcs()) {
                if (Templates.test(arc.when(), ctx)) {
                    Map<String, Object> args = new LinkedHashMap<>(Maps.asMap(Templates.render(arc.args(), ctx)));
                    taken.add(new Taken(arc, args));
                    if (step.next().mode() == Next.Mode.EXCLUSIVE) {
                        break;
                    }
                }
            }
        } catch (TemplateException e) {
            Failures.templateError(p, step.name(), e);
            return null;
        }
        return taken;
    }

    /** Enters the targets of {@code taken}; with none, the branch ends at {@code step}. True if one was entered. */
    static boolean enter(Progress p, Step step, List<Taken> taken) {
        if (taken.isEmpty()) {
            p.update(s -> s.withBranchEnd(step.name()));
            return false;
        }
        for (Taken t : taken) {
            Steps.enter(p, t.arc().step(), t.args());
        }
        return true;
    }
}

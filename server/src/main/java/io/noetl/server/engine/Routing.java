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

    private record Taken(Arc arc, Map<String, Object> args) {
    }

    /** True when at least one arc was taken; otherwise the branch ends at {@code step}. */
    static boolean follow(Progress p, Step step) {
        if (p.terminal()) {
            return false;
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
            return false;
        }
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

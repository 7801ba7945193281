package io.noetl.server.engine;

import io.noetl.schemas.playbook.KeychainEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables templates see: every step's result by step name, then the reserved names ({@code workload},
 * {@code vars}, {@code args}, {@code execution_id}, {@code keychain}, {@code current_user}, {@code callback_url},
 * and when given {@code iter} and {@code outcome}), which win over a step of the same name.
 * Keychain values are masked: only workers resolve them.
 */
final class TemplateContext {

    private TemplateContext() {
    }

    static Map<String, Object> of(Progress p, Map<String, Object> args, Map<String, Object> iter,
                                  Map<String, Object> outcome) {
        ExecutionState s = p.state();
        Map<String, Object> ctx = new LinkedHashMap<>();
        s.steps().values().forEach(st -> {
            if (st.result() != null) {
                ctx.put(st.name(), st.result());
            }
        });
        ctx.put("workload", s.workload());
        ctx.put("vars", s.vars());
        ctx.put("args", args == null ? Map.of() : args);
        ctx.put("execution_id", s.executionId());
        Map<String, Object> keychain = new LinkedHashMap<>();
        if (p.playbook.keychain() != null) {
            for (KeychainEntry k : p.playbook.keychain()) {
                keychain.put(k.name(), "***");
            }
        }
        ctx.put("keychain", keychain);
        ctx.put("current_user", s.currentUser());
        ctx.put("callback_url", p.callbackBase + "/api/executions/" + s.executionId() + "/decisions");
        if (iter != null) {
            ctx.put("iter", iter);
        }
        if (outcome != null) {
            ctx.put("outcome", outcome);
        }
        return ctx;
    }

    /** The context of a step's own templates (and of its arcs): its args, its loop item if any. */
    static Map<String, Object> forStep(Progress p, String step, Integer loopIndex) {
        StepState st = p.state().step(step);
        return of(p, st == null ? Map.of() : st.args(), iter(p, step, loopIndex), null);
    }

    static Map<String, Object> iter(Progress p, String step, Integer loopIndex) {
        StepState st = p.state().step(step);
        if (loopIndex == null || st == null || st.loop() == null) {
            return null;
        }
        String name = p.step(step).loop().iterator() == null ? "item" : p.step(step).loop().iterator();
        Map<String, Object> iter = new LinkedHashMap<>();
        iter.put(name, st.loop().items().get(loopIndex));
        iter.put("index", loopIndex);
        return iter;
    }
}

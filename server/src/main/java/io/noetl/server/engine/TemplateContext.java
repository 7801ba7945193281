package io.noetl.server.engine;

import io.noetl.schemas.playbook.KeychainEntry;
import io.noetl.schemas.playbook.Loop;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables templates see, in NoETL's order of precedence (its {@code ExecutionState.get_render_context}):
 * the keys of {@code ctx} bare ({@code {{ message }}} for {@code workload.message}) and, in a loop, the item by its
 * iterator name; over them every step's result by step name; over those the reserved names ({@code workload},
 * {@code ctx}, {@code vars}, {@code args}, {@code execution_id}, {@code job}, {@code keychain}, {@code current_user},
 * {@code callback_url}, and when given {@code iter}, {@code loop}, {@code loop_index} and {@code outcome}). {@code ctx} is the workload
 * with the execution's writes ({@code set}) over it (NoETL docs: {@code reference/dsl/spec.md} §5 "Runtime scopes").
 * Keychain values are masked: only workers resolve them.
 */
final class TemplateContext {

    private TemplateContext() {
    }

    static Map<String, Object> of(Progress p, Map<String, Object> args, Map<String, Object> iter,
                                  Map<String, Object> outcome) {
        ExecutionState s = p.state();
        Map<String, Object> ctx = new LinkedHashMap<>();
        Map<String, Object> context = Maps.deepMerge(s.workload(), s.ctx());
        ctx.putAll(context);
        if (iter != null) {
            iter.forEach((k, v) -> {
                if (!k.equals("index") && !k.startsWith("_")) {
                    ctx.put(k, v);
                }
            });
        }
        s.steps().values().forEach(st -> {
            if (st.result() != null) {
                ctx.put(st.name(), st.result());
            }
        });
        ctx.put("workload", s.workload());
        ctx.put("ctx", context);
        ctx.put("vars", s.vars());
        ctx.put("args", args == null ? Map.of() : args);
        ctx.put("execution_id", s.executionId());
        ctx.put("job", Map.of("uuid", s.executionId(), "execution_id", s.executionId(), "id", s.executionId()));
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
            Object index = iter.get("index");
            ctx.put("loop_index", index);
            ctx.put("loop", Maps.of("index", index, "first", iter.get("_first"), "last", iter.get("_last")));
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
        Loop loop = p.step(step).loop();
        Map<String, Object> iter = new LinkedHashMap<>();
        if (loop.mode() == Loop.Mode.CURSOR) {
            // a cursor slot has no item: its worker binds each claimed row itself
            iter.put("slot", loopIndex);
        } else {
            iter.put(loop.iterator() == null ? "item" : loop.iterator(), st.loop().items().get(loopIndex));
        }
        iter.put("index", loopIndex);
        // NoETL's iteration-scoped names (its get_render_context): _index, _first, _last
        iter.put("_index", loopIndex);
        iter.put("_first", loopIndex == 0);
        if (loop.mode() != Loop.Mode.CURSOR) {
            iter.put("_last", loopIndex == st.loop().items().size() - 1);
        }
        return iter;
    }
}

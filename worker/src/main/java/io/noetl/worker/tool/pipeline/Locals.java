package io.noetl.worker.tool.pipeline;

import io.noetl.schemas.template.Templates;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the tasks of one pipeline see besides the command's context (NoETL docs: {@code reference/dsl/spec.md} §5.4
 * "Pipeline locals"): {@code _prev} (the result of the task before), {@code _task}, {@code _attempt}, {@code results}
 * (task name → latest result), and the pipeline's own writes: to {@code ctx} (also readable as bare keys; reported to
 * the server), to {@code iter} (this loop item) and to {@code step}.
 */
final class Locals {

    private final Map<String, Object> base;
    private final Map<String, Object> ctxWrites = new LinkedHashMap<>();
    private final Map<String, Object> iter = new LinkedHashMap<>();
    private final Map<String, Object> step = new LinkedHashMap<>();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private Object prev;

    Locals(Map<String, Object> base) {
        this.base = base;
        if (base.get("iter") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> iter.put(String.valueOf(k), v));
        }
    }

    /** The template context of a task run. */
    Map<String, Object> context(String task, int attempt) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        Map<String, Object> ctx = new LinkedHashMap<>();
        if (base.get("ctx") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> ctx.put(String.valueOf(k), v));
        }
        ctx.putAll(ctxWrites);
        out.put("ctx", ctx);
        out.putAll(ctxWrites);
        if (!iter.isEmpty() || base.containsKey("iter")) {
            out.put("iter", new LinkedHashMap<>(iter));
        }
        if (!step.isEmpty()) {
            out.put("step", new LinkedHashMap<>(step));
        }
        out.put("_prev", prev);
        out.put("_task", task);
        out.put("_attempt", attempt);
        out.put("results", new LinkedHashMap<>(results));
        return out;
    }

    /**
     * Renders every value of {@code set} against {@code context}, then writes them: {@code ctx.<k>}, {@code iter.<k>},
     * {@code step.<k>}, any other key to {@code ctx}.
     */
    void apply(Map<String, Object> set, Map<String, Object> context) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        set.forEach((k, v) -> rendered.put(k, Templates.render(v, context)));
        rendered.forEach((key, value) -> {
            if (key.startsWith("ctx.")) {
                ctxWrites.put(key.substring(4), value);
            } else if (key.startsWith("iter.")) {
                iter.put(key.substring(5), value);
            } else if (key.startsWith("step.")) {
                step.put(key.substring(5), value);
            } else {
                ctxWrites.put(key, value);
            }
        });
    }

    void ran(String task, Object result) {
        results.put(task, result);
    }

    void prev(Object result) {
        prev = result;
    }

    Map<String, Object> results() {
        return results;
    }

    /** The writes to {@code ctx} made so far (key → rendered value). */
    Map<String, Object> ctxWrites() {
        return ctxWrites;
    }
}

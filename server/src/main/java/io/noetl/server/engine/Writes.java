package io.noetl.server.engine;

import io.noetl.schemas.Json;
import io.noetl.schemas.template.Templates;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scoped writes ({@code set:} of a step or an arc, and the {@code ctx} writes a worker's pipeline reports), as
 * NoETL applies them (its {@code _apply_set_mutations}): {@code ctx.<k>}, {@code iter.<k>}, {@code step.<k>} and
 * bare keys write {@code <k>} of the execution's {@code ctx}; {@code vars.<k>} writes the execution's {@code vars}.
 */
final class Writes {

    private Writes() {
    }

    /**
     * Renders {@code set} against {@code context} and applies it.
     *
     * @throws io.noetl.schemas.template.TemplateException when a value cannot be rendered
     */
    static void apply(Progress p, Map<String, Object> set, Map<String, Object> context) {
        if (set.isEmpty()) {
            return;
        }
        Map<String, Object> rendered = new LinkedHashMap<>();
        set.forEach((k, v) -> rendered.put(k, Templates.render(v, context)));
        applyRendered(p, rendered);
    }

    /** Applies writes whose values are already rendered. */
    static void applyRendered(Progress p, Map<String, Object> writes) {
        if (writes.isEmpty()) {
            return;
        }
        Map<String, Object> ctx = new LinkedHashMap<>();
        Map<String, Object> vars = new LinkedHashMap<>();
        writes.forEach((key, raw) -> {
            // normalized through JSON so the state holds plain values only
            Object value = Json.plain(Json.toTree(raw));
            int dot = key.indexOf('.');
            String scope = dot < 0 ? "" : key.substring(0, dot);
            switch (scope) {
                case "vars" -> vars.put(key.substring(dot + 1), value);
                case "ctx", "iter", "step" -> ctx.put(key.substring(dot + 1), value);
                default -> ctx.put(key, value);
            }
        });
        p.update(s -> s.withWrites(ctx, vars));
    }
}

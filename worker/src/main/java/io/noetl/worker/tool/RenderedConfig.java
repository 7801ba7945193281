package io.noetl.worker.tool;

import io.noetl.schemas.template.Templates;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Renders a tool configuration for its runner. What steers the run rather than configures the tool is left out:
 * {@code kind}, the task policy ({@code spec.policy}, evaluated against the outcome after the run), the patches
 * ({@code set}, {@code set_ctx}, {@code set_iter}), {@code assert} and {@code output} (result shaping), none of which
 * can be rendered before the tool has run.
 */
final class RenderedConfig {

    private static final Set<String> CONTROL_KEYS = Set.of("kind", "set", "set_ctx", "set_iter", "assert", "output");

    private RenderedConfig() {
    }

    /** The rendered configuration (without the control keys). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> raw, Map<String, Object> context) {
        Map<String, Object> config = new LinkedHashMap<>(raw);
        config.keySet().removeAll(CONTROL_KEYS);
        if (config.get("spec") instanceof Map<?, ?> spec && spec.containsKey("policy")) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) spec);
            copy.remove("policy");
            config.put("spec", copy);
        }
        return (Map<String, Object>) Templates.render(config, context);
    }
}

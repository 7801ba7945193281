package io.noetl.worker.tool.noop;

import io.noetl.schemas.Json;
import io.noetl.schemas.template.Templates;
import io.noetl.worker.tool.ToolCall;
import io.noetl.worker.tool.ToolOutcome;
import io.noetl.worker.tool.ToolRunner;
import java.util.Map;

/** The {@code noop} tool: succeeds at once; the result is the step's {@code args} (rendered), or {@code {}}. */
public final class NoopRunner implements ToolRunner {

    @Override
    public boolean mayBlock() {
        return false;
    }

    @Override
    public String kind() {
        return "noop";
    }

    @Override
    public ToolOutcome run(ToolCall call) {
        Object args = call.config().containsKey("args") ? call.config().get("args") : call.context().get("args");
        if (args == null) {
            return ToolOutcome.Succeeded.of(Json.object());
        }
        Object rendered = containsTemplate(args) ? Templates.render(args, call.context()) : args;
        return ToolOutcome.Succeeded.of(Json.toTree(rendered));
    }

    private static boolean containsTemplate(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(NoopRunner::containsTemplate);
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.stream().anyMatch(NoopRunner::containsTemplate);
        }
        return Templates.isTemplate(v);
    }
}

package io.noetl.schemas.playbook;

import java.util.List;
import java.util.Map;

/** Reads one entry of {@code workflow:} into a {@link Step}. */
final class StepParser {

    static final int DEFAULT_MAX_IN_FLIGHT = 16;

    /** A step with where it was written and where its arcs name their targets. */
    record Parsed(Step step, String path, List<NextParser.Located> arcs) {
    }

    private final Fields fields;
    private final ToolParser tools;
    private final NextParser nexts;
    private final SpecParser specs;

    StepParser(Fields fields) {
        this.fields = fields;
        this.tools = new ToolParser(fields);
        this.nexts = new NextParser(fields);
        this.specs = new SpecParser(fields);
    }

    /** The step, or null when the entry is not a mapping (reported). */
    Parsed parse(Object value, String path) {
        Map<String, Object> m = fields.map(value, path);
        if (m == null) {
            if (value == null) {
                fields.problem(path, "empty step");
            }
            return null;
        }
        String name = fields.required(m, "step", path, "every step needs a name ('step: <name>')");
        String desc = fields.string(m.get("desc"), Diagnostics.key(path, "desc"));
        Map<String, Object> args = fields.mapOrEmpty(m.get("args"), Diagnostics.key(path, "args"));
        Tool tool = tools.parse(m.get("tool"), Diagnostics.key(path, "tool"));
        NextParser.Parsed next = nexts.parse(m.get("next"), Diagnostics.key(path, "next"));
        StepSpec spec = specs.parse(m.get("spec"), m.get("retry"), path);
        Loop loop = loop(m.get("loop"), Diagnostics.key(path, "loop"));
        if (name == null) {
            return null;
        }
        int line = fields.diagnostics().line(path);
        return new Parsed(new Step(name, desc, args, tool, next.next(), spec, loop, line), path, next.arcs());
    }

    private Loop loop(Object value, String path) {
        Map<String, Object> m = fields.map(value, path);
        if (m == null) {
            return null;
        }
        String in = fields.required(m, "in", path, "a template yielding the items, e.g. '{{ workload.items }}'");
        String iterator = fields.required(m, "iterator", path, "the item's name under 'iter'");
        if (iterator != null && !iterator.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            fields.problem(Diagnostics.key(path, "iterator"), "'" + iterator + "' cannot be read as {{ iter."
                    + iterator + " }}; use letters, digits and '_'");
        }
        String specPath = Diagnostics.key(path, "spec");
        Map<String, Object> spec = fields.map(m.get("spec"), specPath);
        Loop.Mode mode = Loop.Mode.SEQUENTIAL;
        int maxInFlight = 1;
        if (spec != null) {
            mode = fields.enumValue(spec.get("mode"), Diagnostics.key(specPath, "mode"), Loop.Mode.class, mode);
            int limit = fields.integer(spec.get("max_in_flight"), Diagnostics.key(specPath, "max_in_flight"), 1,
                    DEFAULT_MAX_IN_FLIGHT);
            maxInFlight = mode == Loop.Mode.PARALLEL ? limit : 1;
        }
        return in == null || iterator == null ? null : new Loop(in, iterator, mode, maxInFlight);
    }
}

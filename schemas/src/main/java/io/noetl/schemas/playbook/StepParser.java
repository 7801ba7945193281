package io.noetl.schemas.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one entry of {@code workflow:} into a {@link Step}. */
final class StepParser {

    static final int DEFAULT_MAX_IN_FLIGHT = LoopParser.DEFAULT_MAX_IN_FLIGHT;

    private static final Set<String> STEP_KEYS = Set.of("step", "desc", "args", "tool", "next", "spec", "loop",
            "retry", "set", "vars", "input", "when", "output");

    /** A step with where it was written and where its arcs name their targets. */
    record Parsed(Step step, String path, List<NextParser.Located> arcs, boolean hasNext) {
    }

    private final Fields fields;
    private final ToolParser tools;
    private final NextParser nexts;
    private final SpecParser specs;
    private final LoopParser loops;
    private final RuleParser rules;

    StepParser(Fields fields, Map<String, Map<String, Object>> workbook) {
        this.fields = fields;
        this.tools = new ToolParser(fields, workbook);
        this.nexts = new NextParser(fields);
        this.specs = new SpecParser(fields);
        this.loops = new LoopParser(fields);
        this.rules = new RuleParser(fields);
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
        fields.unknownKeys(m, path, STEP_KEYS, "a step");
        String name = fields.required(m, "step", path, "every step needs a name ('step: <name>')");
        String desc = fields.string(m.get("desc"), Diagnostics.key(path, "desc"));
        Map<String, Object> args = fields.mapOrEmpty(m.get("args"), Diagnostics.key(path, "args"));
        List<Task> tasks = tools.parse(m.get("tool"), Diagnostics.key(path, "tool"), name == null ? "step" : name);
        tasks = withInput(tasks, m.get("input"), Diagnostics.key(path, "input"));
        NextParser.Parsed next = nexts.parse(m.get("next"), Diagnostics.key(path, "next"));
        StepSpec spec = specs.parse(m.get("spec"), m.get("retry"), path, legacyWhen(m.get("when"), path));
        Loop loop = loops.parse(m.get("loop"), Diagnostics.key(path, "loop"));
        Map<String, Object> set = writes(m, path);
        if (m.containsKey("output")) {
            fields.diagnostics().warn(Diagnostics.key(path, "output"), "result storage ('output') is not supported "
                    + "here: results are kept inline");
        }
        if (name == null) {
            return null;
        }
        int line = fields.diagnostics().line(path);
        return new Parsed(new Step(name, desc, args, tasks, next.next(), spec, loop, line, set), path, next.arcs(),
                m.get("next") != null);
    }

    /** NoETL's step {@code input:} binds values for the step's tools: merged under each task's own {@code input}. */
    @SuppressWarnings("unchecked")
    private List<Task> withInput(List<Task> tasks, Object value, String path) {
        Map<String, Object> input = fields.map(value, path);
        if (input == null || input.isEmpty()) {
            return tasks;
        }
        List<Task> out = new ArrayList<>();
        for (Task t : tasks) {
            Map<String, Object> config = new LinkedHashMap<>(t.config());
            Map<String, Object> merged = new LinkedHashMap<>(input);
            if (config.get("input") instanceof Map<?, ?> own) {
                merged.putAll((Map<String, Object>) own);
            }
            config.put("input", merged);
            out.add(new Task(t.name(), t.kind(), config, t.policy(), t.set()));
        }
        return out;
    }

    /** The step's {@code set:} and its legacy {@code vars:} (written to the execution's vars). */
    private Map<String, Object> writes(Map<String, Object> m, String path) {
        Map<String, Object> set = new LinkedHashMap<>(rules.writes(m.get("set"), Diagnostics.key(path, "set")));
        Map<String, Object> vars = fields.map(m.get("vars"), Diagnostics.key(path, "vars"));
        if (vars != null) {
            vars.forEach((k, v) -> set.put("vars." + k, v));
        }
        return set;
    }

    /** NoETL's legacy step {@code when:} is an admission gate: the step runs only when it is true. */
    private List<AdmitRule> legacyWhen(Object value, String path) {
        String when = fields.string(value, Diagnostics.key(path, "when"));
        if (when == null || when.isBlank()) {
            return List.of();
        }
        fields.diagnostics().warn(Diagnostics.key(path, "when"), "a step's 'when' is NoETL's legacy spelling of "
                + "spec.policy.admit; read as one");
        return List.of(new AdmitRule(when, true), new AdmitRule(null, false));
    }
}

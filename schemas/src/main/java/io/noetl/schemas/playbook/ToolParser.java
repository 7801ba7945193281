package io.noetl.schemas.playbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code tool:} into a step's pipeline (NoETL docs: {@code reference/dsl/step_spec.md} §7 "Tasks and tool list
 * shapes"): a list of tasks ({@code - name: x, kind: y, ...}; an unnamed entry is {@code task_<index>}), a single
 * mapping ({@code {kind: http, url: ...}}: one task named {@code <step>_task}, or its {@code name:}), or a bare kind
 * ({@code tool: noop}).
 */
final class ToolParser {

    /** Jump targets NoETL resolves to the task before the current one. */
    static final Set<String> PREVIOUS = Set.of("previous", "prev", "_previous", "@previous");

    private final Fields fields;
    private final TaskParser tasks;

    ToolParser(Fields fields, Map<String, Map<String, Object>> workbook) {
        this.fields = fields;
        this.tasks = new TaskParser(fields, workbook);
    }

    /** The pipeline; empty for a routing-only step (no {@code tool:}) or when unusable (reported). */
    List<Task> parse(Object value, String path, String stepName) {
        if (value == null) {
            return List.of();
        }
        List<Task> out = new ArrayList<>();
        switch (value) {
            case String kind -> add(out, tasks.parse(new LinkedHashMap<>(Map.of("kind", kind)), path, path,
                    stepName + "_task"));
            case Map<?, ?> map -> {
                Map<String, Object> m = fields.map(map, path);
                String name = m.get("name") instanceof String s && !s.isBlank() && !"workbook".equals(m.get("kind"))
                        ? s : stepName + "_task";
                add(out, tasks.parse(m, path, Diagnostics.key(path, "kind"), name));
            }
            case List<?> list -> list(list, path, out);
            default -> fields.problem(path, "must be a mapping with 'kind', a list of tasks, or a tool kind ("
                    + TaskParser.KINDS + "), got " + Fields.describe(value));
        }
        checkJumps(out, path);
        return List.copyOf(out);
    }

    private void list(List<?> list, String path, List<Task> out) {
        if (list.isEmpty()) {
            fields.problem(path, "must list at least one task");
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String itemPath = Diagnostics.index(path, i);
            Map<String, Object> m = fields.map(list.get(i), itemPath);
            if (m == null) {
                continue;
            }
            Object label = m.get("name");
            String name = label instanceof String s && !s.isBlank() ? s : "task_" + i;
            if (label != null && !(label instanceof String)) {
                fields.problem(Diagnostics.key(itemPath, "name"), "must be a string, got " + Fields.describe(label));
            }
            Integer first = seen.putIfAbsent(name, fields.diagnostics().line(itemPath));
            if (first != null) {
                fields.problem(Diagnostics.key(itemPath, "name"), "duplicate task name '" + name + "' (first at line "
                        + first + ")");
            }
            add(out, tasks.parse(m, itemPath, Diagnostics.key(itemPath, "kind"), name));
        }
    }

    private static void add(List<Task> out, Task task) {
        if (task != null) {
            out.add(task);
        }
    }

    /** A {@code jump} must name a task of the same pipeline (or NoETL's {@code previous}). */
    private void checkJumps(List<Task> pipeline, String path) {
        Set<String> names = new java.util.LinkedHashSet<>();
        pipeline.forEach(t -> names.add(t.name()));
        for (Task task : pipeline) {
            for (PolicyRule rule : task.policy()) {
                if (rule.action() == PolicyRule.Action.JUMP && rule.to() != null && !names.contains(rule.to())
                        && !PREVIOUS.contains(rule.to())) {
                    fields.problem(path, "task '" + task.name() + "' jumps to unknown task '" + rule.to()
                            + "' (tasks: " + String.join(", ", names) + ")");
                }
            }
        }
    }
}

package io.noetl.schemas.playbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code workbook:}, the playbook's named reusable tasks (NoETL docs: {@code reference/dsl/spec.md} §3
 * "workbook"): {@code [{name, tool: {kind, ...}}]}, or the older {@code [{name, tool: <kind>, code: ...}]} and
 * {@code [{name, type: <kind>, ...}]}. A step runs one with {@code tool: {kind: workbook, task: <name>}}.
 */
final class WorkbookParser {

    private final Fields fields;

    WorkbookParser(Fields fields) {
        this.fields = fields;
    }

    /** Task name → its tool as written (with {@code kind}); empty when absent. */
    Map<String, Map<String, Object>> parse(Object value, String path) {
        List<Object> list = fields.list(value, path);
        if (list == null) {
            return Map.of();
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String entryPath = Diagnostics.index(path, i);
            Map<String, Object> m = fields.map(list.get(i), entryPath);
            if (m == null) {
                continue;
            }
            String name = fields.required(m, "name", entryPath, "steps call a workbook task by its name");
            Map<String, Object> tool = tool(m, entryPath);
            if (name == null || tool == null) {
                continue;
            }
            if (out.putIfAbsent(name, Collections.unmodifiableMap(tool)) != null) {
                fields.problem(Diagnostics.key(entryPath, "name"), "duplicate workbook task '" + name + "'");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private Map<String, Object> tool(Map<String, Object> m, String path) {
        Object tool = m.get("tool");
        if (tool instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>(fields.map(map, Diagnostics.key(path, "tool")));
            if ("workbook".equals(out.get("kind"))) {
                fields.problem(Diagnostics.key(path, "tool.kind"), "a workbook task cannot call the workbook");
                return null;
            }
            return out;
        }
        Object kind = tool instanceof String ? tool : m.get("type");
        if (!(kind instanceof String)) {
            fields.problem(path, "missing 'tool' ({kind, ...}): what the workbook task runs");
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.remove("name");
        out.remove("tool");
        out.remove("type");
        out.put("kind", kind);
        return out;
    }
}

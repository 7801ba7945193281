package io.noetl.schemas.playbook;

import io.noetl.schemas.template.Templates;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one task mapping into a {@link Task}: its kind, the fields its kind needs (in any spelling NoETL's tools
 * accept), its policy and its writes. A {@code workbook} task is replaced by the workbook task it names.
 */
final class TaskParser {

    static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    static final String KINDS = Arrays.stream(ToolKind.values()).map(ToolKind::wire)
            .collect(Collectors.joining(", ")) + ", workbook";

    private final Fields fields;
    private final Map<String, Map<String, Object>> workbook;
    private final RuleParser rules;

    TaskParser(Fields fields, Map<String, Map<String, Object>> workbook) {
        this.fields = fields;
        this.workbook = workbook;
        this.rules = new RuleParser(fields);
    }

    /**
     * @param m        the task as written (not modified)
     * @param path     where the task is written
     * @param kindPath where its kind is written
     * @param name     its label
     * @return the task, or null when its kind is missing or unknown (reported)
     */
    Task parse(Map<String, Object> m, String path, String kindPath, String name) {
        Map<String, Object> config = new LinkedHashMap<>(m);
        Object kindValue = config.remove("kind");
        config.remove("name");
        if ("workbook".equals(kindValue)) {
            config = resolveWorkbook(m, config, path);
            if (config == null) {
                return null;
            }
            kindValue = config.remove("kind");
            kindPath = path;
        }
        ToolKind kind = kind(kindValue, kindPath, path);
        if (kind == null) {
            return null;
        }
        if (!kind.runsHere()) {
            fields.diagnostics().warn(kindPath, "tool kind '" + kind.wire() + "' is not supported here: the playbook "
                    + "registers, and the step fails when it runs");
        }
        List<PolicyRule> policy = policy(config, path);
        Map<String, Object> set = rules.writes(config.remove("set"), Diagnostics.key(path, "set"));
        checkRequired(kind, config, path);
        return new Task(name, kind, Collections.unmodifiableMap(config), policy, set);
    }

    /** Takes {@code spec.policy} out of the configuration (the rest of {@code spec} stays: tool knobs). */
    private List<PolicyRule> policy(Map<String, Object> config, String path) {
        if (!(config.get("spec") instanceof Map<?, ?> spec) || !spec.containsKey("policy")) {
            return List.of();
        }
        Map<String, Object> rest = new LinkedHashMap<>(fields.map(spec, Diagnostics.key(path, "spec")));
        Object policy = rest.remove("policy");
        if (rest.isEmpty()) {
            config.remove("spec");
        } else {
            config.put("spec", Collections.unmodifiableMap(rest));
        }
        return rules.taskPolicy(policy, Diagnostics.key(Diagnostics.key(path, "spec"), "policy"));
    }

    /**
     * NoETL's workbook call ({@code kind: workbook, task: <name>} or {@code name: <name>}): the workbook task's tool,
     * with the caller's {@code input}/{@code args} merged over its own and the caller's other fields over the rest.
     */
    private Map<String, Object> resolveWorkbook(Map<String, Object> m, Map<String, Object> config, String path) {
        Object ref = m.get("task") != null ? m.get("task") : m.get("name");
        if (!(ref instanceof String name) || name.isBlank()) {
            fields.problem(path, "missing 'task' (or 'name'): a workbook task names the workbook entry it runs");
            return null;
        }
        Map<String, Object> target = workbook.get(name);
        if (target == null) {
            fields.problem(Diagnostics.key(path, m.get("task") != null ? "task" : "name"), "unknown workbook task '"
                    + name + "' (workbook: " + (workbook.isEmpty() ? "none" : String.join(", ", workbook.keySet()))
                    + ")");
            return null;
        }
        config.remove("task");
        Map<String, Object> resolved = new LinkedHashMap<>(target);
        config.forEach((key, value) -> resolved.merge(key, value, TaskParser::mergeBindings));
        return resolved;
    }

    @SuppressWarnings("unchecked")
    private static Object mergeBindings(Object base, Object over) {
        if (base instanceof Map<?, ?> b && over instanceof Map<?, ?> o) {
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) b);
            merged.putAll((Map<String, Object>) o);
            return merged;
        }
        return over;
    }

    private ToolKind kind(Object value, String kindPath, String toolPath) {
        String text = fields.string(value, kindPath);
        if (text == null || text.isBlank()) {
            if (value == null) {
                fields.problem(toolPath, "missing 'kind' (one of " + KINDS + ")");
            }
            return null;
        }
        ToolKind kind = ToolKind.parse(text).orElse(null);
        if (kind == null || !kind.wire().equals(text)) {
            fields.problem(kindPath, "unknown tool kind '" + text + "' (valid: " + KINDS + ")");
            return null;
        }
        return kind;
    }

    private void checkRequired(ToolKind kind, Map<String, Object> config, String path) {
        switch (kind) {
            case PYTHON -> need(config, path, "a python tool runs 'code'", "code", "script", "spec.code");
            case HTTP -> {
                need(config, path, "an http tool calls 'url'", "url", "endpoint", "spec.url", "spec.endpoint");
                checkMethod(config.get("method"), Diagnostics.key(path, "method"));
            }
            case POSTGRES, DUCKDB -> sql(kind, config, path);
            case SHELL -> need(config, path, "a shell tool runs 'command'", "command", "cmds", "script");
            case PLAYBOOK -> need(config, path, "a playbook tool starts the playbook at 'path'", "path", "playbook");
            case TRANSFER -> {
                need(config, path, "a transfer reads from 'source'", "source");
                need(config, path, "a transfer writes to 'target'", "target");
            }
            default -> {
                // the other kinds check their own fields when they run
            }
        }
    }

    private void sql(ToolKind kind, Map<String, Object> config, String path) {
        if (present(config, "command") || present(config, "query") || present(config, "commands")
                || present(config, "script") || present(config, "sql") || present(config, "spec.command")) {
            return;
        }
        if (present(config, "table") && !present(config, "data")) {
            fields.problem(path, "missing 'data': a " + kind.wire() + " tool with 'table' inserts 'data'");
        } else if (!present(config, "table")) {
            fields.problem(path, "missing 'command' (or 'table' and 'data'): a " + kind.wire() + " tool runs "
                    + "'command' (also spelt 'query', 'commands' or 'script') or inserts 'data' into 'table'");
        }
    }

    private void checkMethod(Object method, String path) {
        String text = fields.string(method, path);
        if (text == null || Templates.isTemplate(text)) {
            return;
        }
        if (!HTTP_METHODS.contains(text.toUpperCase(Locale.ROOT)) || !isOneCase(text)) {
            fields.problem(path, "unknown HTTP method '" + text + "' (valid: GET, POST, PUT, PATCH, DELETE, HEAD, "
                    + "OPTIONS; upper or lower case)");
        }
    }

    private static boolean isOneCase(String s) {
        return s.equals(s.toUpperCase(Locale.ROOT)) || s.equals(s.toLowerCase(Locale.ROOT));
    }

    /** Reports the first spelling as missing when none of {@code keys} is present. */
    private void need(Map<String, Object> config, String path, String why, String... keys) {
        for (String key : keys) {
            if (present(config, key)) {
                return;
            }
        }
        String others = keys.length == 1 ? "" : " (or " + Arrays.stream(keys).skip(1).map(k -> "'" + k + "'")
                .collect(Collectors.joining(", ")) + ")";
        fields.problem(path, "missing '" + keys[0] + "'" + others + ": " + why);
    }

    /** {@code key} is present and not blank; {@code spec.x} looks inside {@code spec}. */
    private static boolean present(Map<String, Object> config, String key) {
        Object v = key.startsWith("spec.") && config.get("spec") instanceof Map<?, ?> spec
                ? spec.get(key.substring(5)) : config.get(key);
        return v != null && !(v instanceof String s && s.isBlank());
    }
}

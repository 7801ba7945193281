package io.noetl.schemas.playbook;

import io.noetl.schemas.template.Templates;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@code tool:} written as a mapping ({@code {kind: http, url: ...}}) or a bare kind ({@code tool: noop}). */
final class ToolParser {

    static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private static final String KINDS = Arrays.stream(ToolKind.values()).map(ToolKind::wire)
            .collect(Collectors.joining(", "));

    private final Fields fields;

    ToolParser(Fields fields) {
        this.fields = fields;
    }

    /** The tool, or null for a routing-only step (no {@code tool:}) or when it is unusable (reported). */
    Tool parse(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof String) {
            Map<String, Object> config = value instanceof String
                    ? new LinkedHashMap<>()
                    : new LinkedHashMap<>(fields.map(value, path));
            String kindPath = value instanceof String ? path : Diagnostics.key(path, "kind");
            Object kindValue = value instanceof String ? value : config.remove("kind");
            ToolKind kind = kind(kindValue, kindPath, path);
            if (kind == null) {
                return null;
            }
            checkRequired(kind, config, path);
            return new Tool(kind, Collections.unmodifiableMap(config));
        }
        fields.problem(path, "must be a mapping with 'kind', or a tool kind (" + KINDS + "), got " + Fields.describe(value));
        return null;
    }

    private ToolKind kind(Object value, String kindPath, String toolPath) {
        String text = fields.string(value, kindPath);
        if (text == null || text.isBlank()) {
            if (value == null) {
                fields.problem(toolPath, "missing 'kind' (one of " + KINDS + ")");
            }
            return null;
        }
        ToolKind kind = Arrays.stream(ToolKind.values()).filter(k -> k.wire().equals(text)).findFirst().orElse(null);
        if (kind == null) {
            fields.problem(kindPath, "unknown tool kind '" + text + "' (valid: " + KINDS + ")");
        }
        return kind;
    }

    private void checkRequired(ToolKind kind, Map<String, Object> config, String path) {
        switch (kind) {
            case PYTHON -> need(config, "code", path, "a python tool runs 'code'");
            case HTTP -> {
                need(config, "url", path, "an http tool calls 'url'");
                checkMethod(config.get("method"), Diagnostics.key(path, "method"));
            }
            case POSTGRES, DUCKDB -> {
                if (!present(config, "command")) {
                    if (present(config, "table") && !present(config, "data")) {
                        fields.problem(path, "missing 'data': a " + kind.wire() + " tool with 'table' inserts 'data'");
                    } else if (!present(config, "table")) {
                        fields.problem(path, "missing 'command' (or 'table' and 'data'): a " + kind.wire()
                                + " tool runs 'command' or inserts 'data' into 'table'");
                    }
                }
            }
            case SHELL -> need(config, "command", path, "a shell tool runs 'command'");
            case PLAYBOOK -> need(config, "path", path, "a playbook tool starts the playbook at 'path'");
            case NOOP -> {
                // nothing required
            }
        }
    }

    private void checkMethod(Object method, String path) {
        String text = fields.string(method, path);
        if (text == null || Templates.isTemplate(text)) {
            return;
        }
        if (!HTTP_METHODS.contains(text) && !HTTP_METHODS.contains(text.toUpperCase(Locale.ROOT)) || !isOneCase(text)) {
            fields.problem(path, "unknown HTTP method '" + text + "' (valid: GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS;"
                    + " upper or lower case)");
        }
    }

    private static boolean isOneCase(String s) {
        return s.equals(s.toUpperCase(Locale.ROOT)) || s.equals(s.toLowerCase(Locale.ROOT));
    }

    private void need(Map<String, Object> config, String key, String path, String why) {
        if (!present(config, key)) {
            fields.problem(path, "missing '" + key + "': " + why);
        }
    }

    private static boolean present(Map<String, Object> config, String key) {
        Object v = config.get(key);
        return v != null && !(v instanceof String s && s.isBlank());
    }
}

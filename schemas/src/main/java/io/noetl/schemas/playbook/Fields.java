package io.noetl.schemas.playbook;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Typed reads of plain YAML values. A value of the wrong type is reported at its path and read as absent,
 * so parsing goes on and every problem of a document is found in one pass.
 */
final class Fields {

    private final Diagnostics diagnostics;

    Fields(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    void problem(String path, String message) {
        diagnostics.add(path, message);
    }

    /** A mapping, or null when absent or not a mapping (reported). */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        problem(path, "must be a mapping, got " + describe(value));
        return null;
    }

    /** A mapping as an unmodifiable copy in document order; empty when absent or wrong (reported). */
    Map<String, Object> mapOrEmpty(Object value, String path) {
        Map<String, Object> m = map(value, path);
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** A list, or null when absent or not a list (reported). */
    @SuppressWarnings("unchecked")
    List<Object> list(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        problem(path, "must be a list, got " + describe(value));
        return null;
    }

    /** Text, or null when absent or not a string (reported): the JSON Schema says string, so does the parser. */
    String string(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            problem(path, "must be a string, got " + describe(value));
            return null;
        }
        return s;
    }

    /** Non-blank text at {@code key} of {@code parent}; reports it as missing otherwise. */
    String required(Map<String, Object> parent, String key, String parentPath, String why) {
        String path = Diagnostics.key(parentPath, key);
        String value = string(parent.get(key), path);
        if (value == null || value.isBlank()) {
            if (parent.get(key) == null || value != null) {
                problem(parent.containsKey(key) ? path : parentPath, "missing '" + key + "'" + (why.isEmpty() ? "" : ": " + why));
            }
            return null;
        }
        return value;
    }

    /** Milliseconds of a duration (seconds, or 500ms/30s/5m/2h/1d), or null when absent or bad (reported). */
    Long duration(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number || value instanceof String) || value instanceof Number n && n.doubleValue() < 0) {
            problem(path, "not a duration: " + describe(value) + " (use seconds, or 500ms, 30s, 5m, 2h, 1d)");
            return null;
        }
        try {
            return Durations.toMillis(value);
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage());
            return null;
        }
    }

    /** A whole number of at least {@code min}, or {@code fallback} when absent or bad (reported). */
    int integer(Object value, String path, int min, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer i && i >= min) {
            return i;
        }
        problem(path, "must be a whole number of at least " + min + ", got " + describe(value));
        return fallback;
    }

    /** An enum constant written in lower case, or {@code fallback} when absent or not one (reported with the valid ones). */
    <E extends Enum<E>> E enumValue(Object value, String path, Class<E> type, E fallback) {
        String text = string(value, path);
        if (text == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                return constant;
            }
        }
        problem(path, "'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        return fallback;
    }

    /**
     * Warns about every key of {@code m} not in {@code known}: the DSL does not give it a meaning here, so it is
     * ignored (never silently).
     */
    void unknownKeys(Map<String, Object> m, String path, Set<String> known, String where) {
        if (m == null) {
            return;
        }
        for (String key : m.keySet()) {
            if (!known.contains(key)) {
                diagnostics.warn(Diagnostics.key(path, key), "unknown key '" + key + "' in " + where + " (ignored)");
            }
        }
    }

    static String describe(Object value) {
        return switch (value) {
            case null -> "nothing";
            case Map<?, ?> m -> "a mapping";
            case List<?> l -> "a list";
            case String s -> "'" + s + "'";
            default -> String.valueOf(value);
        };
    }
}

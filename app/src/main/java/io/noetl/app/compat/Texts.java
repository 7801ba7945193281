package io.noetl.app.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The strings inside a YAML value (a string, a list of strings, nested maps), for checks that read code or SQL. */
final class Texts {

    private Texts() {
    }

    /** Every string value under {@code keys} of {@code map}, in order; lists and maps below them included. */
    static List<String> under(Map<?, ?> map, String... keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            collect(map.get(key), out);
        }
        return out;
    }

    /** {@code under(map, keys)} joined by new lines. */
    static String joined(Map<?, ?> map, String... keys) {
        return String.join("\n", under(map, keys));
    }

    /** Every string value anywhere in {@code value}. */
    static List<String> all(Object value) {
        List<String> out = new ArrayList<>();
        collect(value, out);
        return out;
    }

    /** {@code map.get(key)} as text, or null when absent or not a scalar. */
    static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? null : String.valueOf(value);
    }

    private static void collect(Object value, List<String> out) {
        if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, out));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> collect(v, out));
        } else if (value != null) {
            out.add(String.valueOf(value));
        }
    }
}

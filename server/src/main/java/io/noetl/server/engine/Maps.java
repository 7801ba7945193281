package io.noetl.server.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copy-on-write helpers for the insertion-ordered, null-tolerant maps the state records hold. */
final class Maps {

    private Maps() {
    }

    static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
        Map<String, V> out = new LinkedHashMap<>(map);
        out.put(key, value);
        return Collections.unmodifiableMap(out);
    }

    static <V> Map<String, V> without(Map<String, V> map, String key) {
        Map<String, V> out = new LinkedHashMap<>(map);
        out.remove(key);
        return Collections.unmodifiableMap(out);
    }

    static <T> List<T> append(List<T> list, T value) {
        List<T> out = new ArrayList<>(list);
        out.add(value);
        return Collections.unmodifiableList(out);
    }

    /** {@code overrides} merged over {@code defaults}; nested maps are merged, anything else is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> defaults, Map<String, Object> overrides) {
        Map<String, Object> out = new LinkedHashMap<>(defaults == null ? Map.of() : defaults);
        if (overrides != null) {
            overrides.forEach((k, v) -> {
                Object base = out.get(k);
                if (base instanceof Map<?, ?> b && v instanceof Map<?, ?> o) {
                    out.put(k, deepMerge((Map<String, Object>) b, (Map<String, Object>) o));
                } else {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    /** Insertion-ordered map from alternating keys and values, skipping null values. */
    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                out.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }
}

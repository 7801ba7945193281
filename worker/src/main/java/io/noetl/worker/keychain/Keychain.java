package io.noetl.worker.keychain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keychain of one command, resolved on the worker.
 *
 * @param values name → resolved value (a string, or a map/list written in the playbook); what
 *               {@code {{ keychain.<name> }}} reads
 * @param kinds  name → kind ({@code secret}, {@code postgres}, {@code http_bearer}); kind may be null
 */
public record Keychain(Map<String, Object> values, Map<String, String> kinds) {

    public static final Keychain EMPTY = new Keychain(Map.of(), Map.of());

    public Keychain {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    }

    /** The value of the first entry of {@code kind}, if any. */
    public Optional<Object> firstOfKind(String kind) {
        return kinds.entrySet().stream().filter(e -> kind.equals(e.getValue()))
                .map(e -> values.get(e.getKey())).filter(v -> v != null).findFirst();
    }

    /** Every non-blank string inside the values (leaves of maps and lists too): what the redactor hides. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        values.values().forEach(v -> collect(v, out));
        return out;
    }

    private static void collect(Object v, List<String> out) {
        if (v instanceof Map<?, ?> m) {
            m.values().forEach(x -> collect(x, out));
        } else if (v instanceof Collection<?> c) {
            c.forEach(x -> collect(x, out));
        } else if (v instanceof String s && !s.isBlank()) {
            out.add(s);
        }
    }
}

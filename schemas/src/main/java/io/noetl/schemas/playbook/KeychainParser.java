package io.noetl.schemas.playbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code keychain: [{name, kind: secret|postgres|http_bearer, value | env}]}. */
final class KeychainParser {

    static final Set<String> KINDS = Set.of("secret", "postgres", "http_bearer");

    private final Fields fields;

    KeychainParser(Fields fields) {
        this.fields = fields;
    }

    List<KeychainEntry> parse(Object value, String path) {
        List<Object> list = fields.list(value, path);
        if (list == null) {
            return List.of();
        }
        List<KeychainEntry> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String entryPath = Diagnostics.index(path, i);
            Map<String, Object> m = fields.map(list.get(i), entryPath);
            if (m == null) {
                continue;
            }
            String name = fields.required(m, "name", entryPath, "templates read it as {{ keychain.<name> }}");
            String kind = kind(m, entryPath);
            boolean hasValue = m.get("value") != null;
            String env = fields.string(m.get("env"), Diagnostics.key(entryPath, "env"));
            if (hasValue == (env != null)) {
                fields.problem(entryPath, hasValue
                        ? "give either 'value' or 'env', not both"
                        : "missing 'value' or 'env' (the worker's environment variable holding the value)");
            } else if (env != null && !env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                fields.problem(Diagnostics.key(entryPath, "env"), "'" + env + "' is not an environment variable name");
            }
            if (name != null) {
                Integer first = seen.putIfAbsent(name, fields.diagnostics().line(entryPath));
                if (first != null) {
                    fields.problem(Diagnostics.key(entryPath, "name"), "duplicate keychain name '" + name
                            + "' (first at line " + first + ")");
                } else if (kind != null) {
                    out.add(new KeychainEntry(name, kind, m.get("value"), env));
                }
            }
        }
        return List.copyOf(out);
    }

    private String kind(Map<String, Object> m, String entryPath) {
        String kind = fields.required(m, "kind", entryPath, "one of http_bearer, postgres, secret");
        if (kind != null && !KINDS.contains(kind)) {
            fields.problem(Diagnostics.key(entryPath, "kind"), "'" + kind + "' is not one of http_bearer, postgres, secret");
            return null;
        }
        return kind;
    }
}

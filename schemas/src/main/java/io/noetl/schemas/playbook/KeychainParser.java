package io.noetl.schemas.playbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code keychain: [{name, kind, value | env, ...}]}. {@code secret}, {@code postgres} and
 * {@code http_bearer} need {@code value} or {@code env}; NoETL's other kinds (docs: {@code reference/dsl/spec.md}
 * §3.1; its playbooks use {@code secrets}, {@code credential}, {@code oauth2}, {@code google_id_token},
 * {@code bearer}, {@code static}) keep their fields as options for the worker to resolve.
 */
final class KeychainParser {

    /** Kinds whose value is written in the playbook or read from the worker's environment. */
    static final Set<String> VALUE_KINDS = Set.of("secret", "postgres", "http_bearer");
    /** NoETL's kinds, resolved by the worker from the entry's other fields. */
    static final Set<String> NOETL_KINDS = Set.of("secrets", "secret_manager", "credential", "postgres_credential",
            "oauth2", "google_oauth", "google_id_token", "bearer", "static");

    private static final String VALID = "one of http_bearer, postgres, secret, or NoETL's bearer, credential, "
            + "google_id_token, google_oauth, oauth2, postgres_credential, secret_manager, secrets, static";

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
            String env = fields.string(m.get("env"), Diagnostics.key(entryPath, "env"));
            if (kind == null || VALUE_KINDS.contains(kind)) {
                checkValue(m, env, entryPath);
            }
            if (name != null) {
                Integer first = seen.putIfAbsent(name, fields.diagnostics().line(entryPath));
                if (first != null) {
                    fields.problem(Diagnostics.key(entryPath, "name"), "duplicate keychain name '" + name
                            + "' (first at line " + first + ")");
                } else if (kind != null) {
                    out.add(new KeychainEntry(name, kind, m.get("value"), env, options(m)));
                }
            }
        }
        return List.copyOf(out);
    }

    private void checkValue(Map<String, Object> m, String env, String entryPath) {
        boolean hasValue = m.get("value") != null;
        if (hasValue == (env != null)) {
            fields.problem(entryPath, hasValue
                    ? "give either 'value' or 'env', not both"
                    : "missing 'value' or 'env' (the worker's environment variable holding the value)");
        } else if (env != null && !env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            fields.problem(Diagnostics.key(entryPath, "env"), "'" + env + "' is not an environment variable name");
        }
    }

    private static Map<String, Object> options(Map<String, Object> m) {
        Map<String, Object> options = new LinkedHashMap<>(m);
        for (String key : List.of("name", "kind", "type", "value", "env")) {
            options.remove(key);
        }
        return Collections.unmodifiableMap(options);
    }

    /** {@code kind}, or NoETL's older {@code type}. */
    private String kind(Map<String, Object> m, String entryPath) {
        String key = m.containsKey("kind") || !m.containsKey("type") ? "kind" : "type";
        String kind = fields.required(m, key, entryPath, VALID);
        if (kind != null && !VALUE_KINDS.contains(kind) && !NOETL_KINDS.contains(kind)) {
            fields.problem(Diagnostics.key(entryPath, key), "'" + kind + "' is not " + VALID);
            return null;
        }
        return kind;
    }
}

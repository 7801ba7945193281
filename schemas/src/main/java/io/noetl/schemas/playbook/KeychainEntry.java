package io.noetl.schemas.playbook;

import java.util.Map;

/**
 * One keychain entry of a playbook: {@code {name, kind, value | env, ...}}.
 *
 * <p>Kinds {@code secret}, {@code postgres} and {@code http_bearer} take their value from {@code value} or from the
 * worker's environment variable {@code env}. NoETL's other kinds ({@code secrets}, {@code credential},
 * {@code oauth2}, {@code google_id_token}, {@code bearer}, {@code static}, ...; NoETL docs:
 * {@code reference/dsl/spec.md} §3.1 "keychain") describe where a worker fetches the value: their fields are kept
 * in {@code options} as written (templates unrendered) and resolved by the worker.
 *
 * @param name    name used in templates as {@code {{ keychain.<name> }}}
 * @param kind    the entry's kind as written ({@code type:} when {@code kind:} is absent)
 * @param value   literal value written in the playbook, or null
 * @param env     name of the worker's environment variable holding the value, or null
 * @param options every other field of the entry as written (e.g. {@code token}, {@code map}, {@code endpoint},
 *                {@code scope}); never null
 */
public record KeychainEntry(String name, String kind, Object value, String env, Map<String, Object> options) {

    public KeychainEntry {
        options = options == null ? Map.of() : options;
    }

    /** An entry without further fields. */
    public KeychainEntry(String name, String kind, Object value, String env) {
        this(name, kind, value, env, Map.of());
    }
}

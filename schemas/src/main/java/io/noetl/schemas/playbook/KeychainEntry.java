package io.noetl.schemas.playbook;

/**
 * One keychain entry of a playbook: {@code {name, kind: secret|postgres|http_bearer, value | env}}.
 *
 * @param name  name used in templates as {@code {{ keychain.<name> }}}
 * @param kind  secret, postgres or http_bearer
 * @param value literal value written in the playbook, or null
 * @param env   name of the worker's environment variable holding the value, or null
 */
public record KeychainEntry(String name, String kind, Object value, String env) {
}

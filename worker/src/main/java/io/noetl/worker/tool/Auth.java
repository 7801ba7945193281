package io.noetl.worker.tool;

import java.util.Map;
import java.util.Optional;

/**
 * Credentials a tool names by {@code auth} (NoETL's auth attribute): a keychain entry of that name, else a credential
 * of the worker. Whatever it hands out is redacted from the command's events.
 */
public interface Auth {

    /** No credentials at all. */
    Auth NONE = new Auth() {
        @Override
        public Optional<Object> credential(String name) {
            return Optional.empty();
        }

        @Override
        public String token(String name, String audience) {
            throw new IllegalStateException("no credential '" + name + "'");
        }

        @Override
        public String whereFor(String name) {
            return "a keychain entry '" + name + "'";
        }
    };

    /** The credential {@code name}: a map of fields or a string. */
    Optional<Object> credential(String name);

    /** The bearer token credential {@code name} stands for (an ID token for {@code audience} when not null). */
    String token(String name, String audience);

    /** Where credential {@code name} would be looked for, for messages. */
    String whereFor(String name);

    /**
     * The name an {@code auth} value refers to: the string itself, or {@code key}/{@code credential}/{@code name} of
     * a mapping ({@code {source: credential, key: pg_demo}}); null when there is none.
     */
    static String nameOf(Object auth) {
        if (auth instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        if (auth instanceof Map<?, ?> m) {
            for (String k : new String[] {"key", "credential", "name", "ref"}) {
                if (m.get(k) instanceof String s && !s.isBlank()) {
                    return s.strip();
                }
            }
        }
        return null;
    }
}

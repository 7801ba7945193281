package io.noetl.worker.keychain;

import io.noetl.schemas.playbook.KeychainEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolves keychain entries from their literal {@code value} or from the worker's environment ({@code env}). */
public final class KeychainResolver {

    private final Map<String, String> env;

    /** @param env the environment {@code env} entries are read from */
    public KeychainResolver(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Resolves every entry.
     *
     * @throws KeychainException naming the entry and the variable when an environment variable is missing
     */
    public Keychain resolve(List<KeychainEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            return Keychain.EMPTY;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        for (KeychainEntry entry : entries) {
            if (entry == null || entry.name() == null) {
                continue;
            }
            Object value = entry.value();
            if (value == null && entry.env() != null) {
                value = env.get(entry.env());
                if (value == null) {
                    throw new KeychainException("keychain entry '" + entry.name()
                            + "': environment variable " + entry.env() + " is not set on worker");
                }
            }
            if (value == null) {
                throw new KeychainException("keychain entry '" + entry.name() + "' has neither value nor env");
            }
            values.put(entry.name(), value);
            kinds.put(entry.name(), entry.kind());
        }
        return new Keychain(values, kinds);
    }

    /** A keychain entry could not be resolved; not retriable on this worker. */
    public static final class KeychainException extends RuntimeException {
        public KeychainException(String message) {
            super(message);
        }
    }
}

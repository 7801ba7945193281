package io.noetl.worker.keychain;

import io.noetl.schemas.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Named credentials on the worker, standing in for NoETL's credential store: {@code NOETL_CREDENTIAL_<NAME>} (the
 * name upper-cased, every other character than a letter or digit as {@code _}) holds the credential, or the file
 * {@code <name>.json} in the folder {@code NOETL_CREDENTIALS_DIR}. The value is JSON (an object is the credential's
 * fields) or plain text (a connection string or a token). A NoETL registration file ({@code {name, type, data}}) gives
 * its {@code data}.
 */
public final class Credentials {

    private final Map<String, String> env;

    /** @param env the worker's environment */
    public Credentials(Map<String, String> env) {
        this.env = env;
    }

    /** The environment variable that holds credential {@code name}. */
    public static String variable(String name) {
        return "NOETL_CREDENTIAL_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * The credential {@code name}: a map of fields or a string; empty when the worker has none by that name.
     *
     * @throws KeychainException when the credential exists but cannot be read
     */
    public Optional<Object> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String raw = env.get(variable(name));
        String dir = env.get("NOETL_CREDENTIALS_DIR");
        if (raw == null && dir != null && !dir.isBlank() && name.matches("[A-Za-z0-9_.-]+")) {
            Path file = Path.of(dir, name + ".json");
            if (Files.isRegularFile(file)) {
                try {
                    raw = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw KeychainException.config("credential '" + name + "': cannot read " + file + ": " + e);
                }
            }
        }
        return raw == null ? Optional.empty() : Optional.of(parse(name, raw));
    }

    /** Where credential {@code name} would be looked for, for messages. */
    public String whereFor(String name) {
        String dir = env.get("NOETL_CREDENTIALS_DIR");
        return "environment variable " + variable(name)
                + (dir == null || dir.isBlank() ? "" : " or file " + Path.of(dir, name + ".json"));
    }

    private static Object parse(String name, String raw) {
        String text = raw.strip();
        if (!text.startsWith("{")) {
            return text;
        }
        Map<String, Object> map;
        try {
            map = Json.plainMap(Json.tree(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw KeychainException.config("credential '" + name + "' is not valid JSON");
        }
        if (map.get("data") instanceof Map<?, ?> data && (map.containsKey("type") || map.containsKey("name"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) data;
            return fields;
        }
        return map;
    }
}

package io.noetl.stores.vector;

import java.util.regex.Pattern;

/** The sink's collection names and the rule every collection name follows. */
public final class Collections {

    /** One point per failure event (key: event id). */
    public static final String FAILURES = "noetl_failures";
    /** One point per execution (key: execution id). */
    public static final String EXECUTIONS = "noetl_executions";
    /** One point per playbook version (key: path and version). */
    public static final String PLAYBOOKS = "noetl_playbooks";

    /** Letters, digits, {@code _} and {@code -}, starting with a letter, up to 64 characters (safe as a folder). */
    public static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    private Collections() {
    }

    /** @return the collection holding version {@code version} of {@code base}, e.g. {@code noetl_failures_v3} */
    public static String versioned(String base, int version) {
        if (version < 1) {
            throw new IllegalArgumentException("index version must be >= 1, got " + version);
        }
        return checkName(base + "_v" + version);
    }

    /**
     * @return the version of a collection named by {@link #versioned}, or 0 when {@code collection} is not a version
     *         of {@code base}
     */
    public static int versionOf(String base, String collection) {
        String prefix = base + "_v";
        if (collection == null || !collection.startsWith(prefix)) {
            return 0;
        }
        try {
            int v = Integer.parseInt(collection.substring(prefix.length()));
            return v >= 1 ? v : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * @return the name, when valid
     * @throws IllegalArgumentException naming the rule otherwise
     */
    public static String checkName(String name) {
        if (name == null || !NAME_PATTERN.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid collection name '" + name
                    + "': use a letter then up to 63 letters, digits, '_' or '-'");
        }
        return name;
    }
}

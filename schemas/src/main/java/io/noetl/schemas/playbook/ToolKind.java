package io.noetl.schemas.playbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Tool kinds a worker can run. {@code playbook} starts a sub-playbook (orchestrated by the server). */
public enum ToolKind {
    PYTHON, HTTP, POSTGRES, DUCKDB, SHELL, PLAYBOOK, NOOP;

    /** Name as written in playbooks and on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ToolKind> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(k -> k.wire().equals(s.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}

package io.noetl.schemas.playbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Tool kinds of NoETL's DSL (NoETL docs: {@code reference/dsl/spec.md} §9.3 "Tool kinds"; its model lists the same
 * kinds). {@code playbook} starts a sub-playbook (orchestrated by the server). Kinds that need services this product
 * does not run ({@link #runsHere()} false) still parse, so such playbooks register with a warning; a worker answers
 * their commands with a "not supported here" error naming the kind. A {@code workbook} task is resolved by the
 * parser into the workbook task it names, so it never reaches a worker.
 */
public enum ToolKind {
    PYTHON(true), HTTP(true), POSTGRES(true), DUCKDB(true), SHELL(true), PLAYBOOK(true), NOOP(true),
    NATS(true), TRANSFER(true),
    DUCKLAKE(false), SNOWFLAKE(false), SNOWFLAKE_TRANSFER(false), CONTAINER(false), SCRIPT(false), AGENT(false),
    MCP(false), GATEWAY(false), GCS(false), SECRETS(false), ARTIFACT(false), ITERATOR(false), SUBSCRIPTION(false),
    RHAI(false), RESULT_FETCH(false), TASK_SEQUENCE(false), PLAYBOOKS(false);

    private final boolean runsHere;

    ToolKind(boolean runsHere) {
        this.runsHere = runsHere;
    }

    /** Name as written in playbooks and on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this product's workers (or, for {@code playbook}, its server) run the kind. */
    public boolean runsHere() {
        return runsHere;
    }

    public static Optional<ToolKind> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(k -> k.wire().equals(s.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}

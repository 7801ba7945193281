package io.noetl.schemas.playbook;

import java.util.Map;

/**
 * An arc to another step (NoETL docs: {@code reference/dsl/spec.md} §13 "Next routing").
 *
 * @param step target step name
 * @param when condition template (e.g. {@code "{{ a.score < 0.9 }}"}), or null for an unconditional arc
 * @param args arguments passed to the target step (templates), never null
 * @param line 1-based YAML line of the arc
 * @param set  writes made when the arc is taken ({@code ctx.<k>}, {@code vars.<k>} or a bare key meaning
 *             {@code ctx}), values as written; never null
 */
public record Arc(String step, String when, Map<String, Object> args, int line, Map<String, Object> set) {

    public Arc {
        args = args == null ? Map.of() : args;
        set = set == null ? Map.of() : set;
    }

    /** An arc without writes. */
    public Arc(String step, String when, Map<String, Object> args, int line) {
        this(step, when, args, line, Map.of());
    }
}

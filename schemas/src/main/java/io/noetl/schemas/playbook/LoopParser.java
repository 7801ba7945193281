package io.noetl.schemas.playbook;

import io.noetl.schemas.template.Templates;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code loop:} (NoETL docs: {@code reference/dsl/spec.md} §8 "Loop clause"): {@code in} and
 * {@code iterator}, or NoETL's cursor loop ({@code cursor: {kind, auth, claim, options}} with {@code mode: cursor});
 * {@code max_in_flight} may be a template, rendered when the loop starts.
 */
final class LoopParser {

    static final int DEFAULT_MAX_IN_FLIGHT = 16;

    private static final Set<String> LOOP_KEYS = Set.of("in", "iterator", "spec", "cursor");
    private static final Set<String> SPEC_KEYS = Set.of("mode", "max_in_flight", "policy", "frame");

    private final Fields fields;

    LoopParser(Fields fields) {
        this.fields = fields;
    }

    Loop parse(Object value, String path) {
        Map<String, Object> m = fields.map(value, path);
        if (m == null) {
            return null;
        }
        fields.unknownKeys(m, path, LOOP_KEYS, "a loop");
        String specPath = Diagnostics.key(path, "spec");
        Map<String, Object> spec = fields.map(m.get("spec"), specPath);
        fields.unknownKeys(spec, specPath, SPEC_KEYS, "a loop's spec");
        Loop.Mode mode = spec == null ? Loop.Mode.SEQUENTIAL : fields.enumValue(spec.get("mode"),
                Diagnostics.key(specPath, "mode"), Loop.Mode.class, Loop.Mode.SEQUENTIAL);
        Map<String, Object> cursor = cursor(m, path, mode);
        String in = cursor != null ? null
                : fields.required(m, "in", path, "a template yielding the items, e.g. '{{ workload.items }}'"
                        + " (or 'cursor' with mode: cursor)");
        String iterator = fields.required(m, "iterator", path, "the item's name under 'iter'");
        if (iterator != null && !iterator.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            fields.problem(Diagnostics.key(path, "iterator"), "'" + iterator + "' cannot be read as {{ iter."
                    + iterator + " }}; use letters, digits and '_'");
        }
        int maxInFlight = mode == Loop.Mode.SEQUENTIAL ? 1 : DEFAULT_MAX_IN_FLIGHT;
        String template = null;
        Object limit = spec == null ? null : spec.get("max_in_flight");
        if (limit instanceof String s && Templates.isTemplate(s)) {
            template = mode == Loop.Mode.SEQUENTIAL ? null : s;
        } else if (limit != null) {
            int bound = fields.integer(limit, Diagnostics.key(specPath, "max_in_flight"), 1, DEFAULT_MAX_IN_FLIGHT);
            maxInFlight = mode == Loop.Mode.SEQUENTIAL ? 1 : bound;
        }
        if ((in == null && cursor == null) || iterator == null) {
            return null;
        }
        return new Loop(in, iterator, mode, maxInFlight, template, cursor);
    }

    /** The cursor of a cursor loop, or null; a cursor needs {@code mode: cursor} and a {@code claim}. */
    private Map<String, Object> cursor(Map<String, Object> m, String path, Loop.Mode mode) {
        String cursorPath = Diagnostics.key(path, "cursor");
        Map<String, Object> cursor = fields.map(m.get("cursor"), cursorPath);
        if (cursor == null) {
            if (mode == Loop.Mode.CURSOR && m.get("cursor") == null) {
                fields.problem(path, "missing 'cursor': a loop in mode cursor claims its items with 'cursor.claim'");
            }
            return null;
        }
        if (mode != Loop.Mode.CURSOR) {
            fields.problem(cursorPath, "a loop with 'cursor' needs spec.mode: cursor");
        }
        if (m.containsKey("in")) {
            fields.problem(path, "give either 'in' (a collection) or 'cursor', not both");
        }
        fields.unknownKeys(cursor, cursorPath, Set.of("kind", "auth", "claim", "options"), "a cursor");
        fields.required(cursor, "claim", cursorPath, "the statement that claims the next row");
        return Collections.unmodifiableMap(new LinkedHashMap<>(cursor));
    }
}

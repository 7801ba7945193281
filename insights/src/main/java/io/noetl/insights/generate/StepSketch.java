package io.noetl.insights.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A step being composed, written out as the DSL's mapping. */
final class StepSketch {

    final String name;
    final String desc;
    final String toolKind;
    final Map<String, Object> tool;
    /** The description's words for this step (its python placeholder states them). */
    final String words;
    /** Fields later steps compare (its python placeholder returns them). */
    final List<String> metrics = new ArrayList<>();
    final Map<String, Object> spec = new LinkedHashMap<>();
    Map<String, Object> retry;
    Map<String, Object> loop;
    private final List<Map<String, Object>> next = new ArrayList<>();

    /** @param tool the tool mapping (with {@code kind}, mutable), or null for a step without a tool */
    StepSketch(String name, String desc, Map<String, Object> tool, String words) {
        this.name = name;
        this.desc = desc;
        this.tool = tool;
        this.words = words;
        this.toolKind = tool == null ? null : String.valueOf(tool.get("kind"));
    }

    boolean waitsForDecision() {
        return "decision".equals(spec.get("wait"));
    }

    /** Adds an arc; {@code when} null makes it the else. */
    StepSketch arc(String target, String when) {
        Map<String, Object> arc = new LinkedHashMap<>();
        arc.put("step", target);
        if (when != null) {
            arc.put("when", when);
        }
        next.add(arc);
        return this;
    }

    boolean hasArcs() {
        return !next.isEmpty();
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", name);
        if (desc != null) {
            m.put("desc", desc);
        }
        if (tool != null) {
            m.put("tool", tool);
        }
        if (loop != null) {
            m.put("loop", loop);
        }
        if (!spec.isEmpty()) {
            m.put("spec", spec);
        }
        if (retry != null) {
            m.put("retry", retry);
        }
        if (!next.isEmpty()) {
            m.put("next", next);
        }
        return m;
    }
}

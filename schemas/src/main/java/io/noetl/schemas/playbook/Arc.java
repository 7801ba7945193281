package io.noetl.schemas.playbook;

import java.util.Map;

/**
 * An arc to another step.
 *
 * @param step target step name
 * @param when condition template (e.g. {@code "{{ a.score < 0.9 }}"}), or null for an unconditional arc
 * @param args arguments passed to the target step (templates), never null
 * @param line 1-based YAML line of the arc
 */
public record Arc(String step, String when, Map<String, Object> args, int line) {
}

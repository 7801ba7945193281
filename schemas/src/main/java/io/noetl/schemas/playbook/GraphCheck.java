package io.noetl.schemas.playbook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks of the workflow as a graph: unique step names and arcs to known steps (problems); a step the entry cannot
 * reach is a warning (NoETL accepts such steps, e.g. a cleanup step kept for manual runs).
 */
final class GraphCheck {

    private GraphCheck() {
    }

    static void check(List<StepParser.Parsed> steps, String entryStep, Diagnostics diagnostics) {
        Map<String, StepParser.Parsed> byName = new LinkedHashMap<>();
        for (StepParser.Parsed s : steps) {
            StepParser.Parsed first = byName.putIfAbsent(s.step().name(), s);
            if (first != null) {
                diagnostics.add(Diagnostics.key(s.path(), "step"), s.step().line(), "duplicate step name '"
                        + s.step().name() + "' (lines " + first.step().line() + " and " + s.step().line() + ")");
            }
        }
        for (StepParser.Parsed s : steps) {
            for (NextParser.Located arc : s.arcs()) {
                if (!byName.containsKey(arc.arc().step())) {
                    diagnostics.add(arc.targetPath(), arc.arc().line(), "arc to unknown step '" + arc.arc().step()
                            + "' (steps: " + String.join(", ", byName.keySet()) + ")");
                }
            }
        }
        if (steps.isEmpty()) {
            return;
        }
        StepParser.Parsed entry = entryStep != null && byName.containsKey(entryStep) ? byName.get(entryStep)
                : byName.getOrDefault("start", steps.get(0));
        Set<String> reached = reachable(entry, byName);
        for (StepParser.Parsed s : steps) {
            if (!reached.contains(s.step().name()) && byName.get(s.step().name()) == s) {
                diagnostics.warn(s.path(), "step '" + s.step().name() + "' is unreachable from the entry step '"
                        + entry.step().name() + "'");
            }
        }
    }

    private static Set<String> reachable(StepParser.Parsed entry, Map<String, StepParser.Parsed> byName) {
        Set<String> seen = new HashSet<>();
        Deque<StepParser.Parsed> todo = new ArrayDeque<>();
        seen.add(entry.step().name());
        todo.add(entry);
        while (!todo.isEmpty()) {
            for (NextParser.Located arc : todo.poll().arcs()) {
                StepParser.Parsed target = byName.get(arc.arc().step());
                if (target != null && seen.add(target.step().name())) {
                    todo.add(target);
                }
            }
        }
        return seen;
    }
}

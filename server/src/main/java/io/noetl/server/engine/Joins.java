package io.noetl.server.engine;

import io.noetl.schemas.playbook.Arc;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.Step;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fan-in after inclusive branches. A step with more than one upstream step (NoETL's reduce boundary: its fan-out
 * planner, {@code noetl/core/dsl/engine/planner.py}, makes every step targeted by several steps a reduce) waits
 * while another live branch — a step running or paused, or another waiting join — can still reach it through the
 * workflow's arcs; it runs once, with the args of every arrived branch merged, when none can.
 */
final class Joins {

    private Joins() {
    }

    /** True when {@code name} must wait: it is a join and a live branch other than it can still reach it. */
    static boolean mustWait(Progress p, String name) {
        return upstreamCount(p.playbook, name) > 1 && blocked(p, name);
    }

    /** Records a branch arriving at the join {@code name} with {@code args}. */
    static void arrive(Progress p, String name, Map<String, Object> args) {
        Map<String, Object> merged = new LinkedHashMap<>(p.state().joins().getOrDefault(name, Map.of()));
        merged.putAll(args);
        p.update(s -> s.withJoins(Maps.with(s.joins(), name, Map.copyOf(merged))));
    }

    /**
     * The args the branches that already arrived at {@code name} brought (empty when none), forgotten once read:
     * the step is being entered.
     */
    static Map<String, Object> take(Progress p, String name) {
        Map<String, Object> arrived = p.state().joins().get(name);
        if (arrived == null) {
            return Map.of();
        }
        p.update(s -> s.withJoins(Maps.without(s.joins(), name)));
        return arrived;
    }

    /**
     * Enters every waiting join no live branch can reach any more, in workflow order, until none is left to enter.
     * When nothing runs and every waiting join waits for another (joins on a cycle), the first one is entered.
     */
    static void release(Progress p) {
        boolean progressed = true;
        while (progressed && !p.terminal() && !p.state().joins().isEmpty()) {
            progressed = false;
            for (Step step : p.playbook.workflow()) {
                if (p.state().joins().containsKey(step.name()) && !blocked(p, step.name())) {
                    Steps.enterNow(p, step.name(), Map.of());
                    progressed = true;
                    break;
                }
            }
            if (!progressed && p.state().work().isEmpty()) {
                String first = p.playbook.workflow().stream().map(Step::name)
                        .filter(p.state().joins()::containsKey).findFirst().orElseThrow();
                Steps.enterNow(p, first, Map.of());
                progressed = true;
            }
        }
    }

    private static boolean blocked(Progress p, String name) {
        List<String> live = p.state().steps().values().stream().filter(StepState::active).map(StepState::name)
                .filter(s -> !s.equals(name)).toList();
        for (String from : live) {
            if (reaches(p.playbook, from, name)) {
                return true;
            }
        }
        for (String waiting : p.state().joins().keySet()) {
            if (!waiting.equals(name) && reaches(p.playbook, waiting, name)) {
                return true;
            }
        }
        return false;
    }

    private static int upstreamCount(Playbook pb, String name) {
        Set<String> upstream = new HashSet<>();
        for (Step s : pb.workflow()) {
            for (Arc arc : s.next().arcs()) {
                if (arc.step().equals(name)) {
                    upstream.add(s.name());
                }
            }
        }
        return upstream.size();
    }

    /** Whether some path of arcs (whatever their conditions) leads from {@code from} to {@code to}. */
    private static boolean reaches(Playbook pb, String from, String to) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            Step step = pb.step(todo.poll()).orElse(null);
            if (step == null) {
                continue;
            }
            for (Arc arc : step.next().arcs()) {
                if (arc.step().equals(to)) {
                    return true;
                }
                if (seen.add(arc.step())) {
                    todo.add(arc.step());
                }
            }
        }
        return false;
    }
}

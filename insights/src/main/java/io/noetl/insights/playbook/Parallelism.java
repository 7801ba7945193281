package io.noetl.insights.playbook;

import io.noetl.schemas.Json;
import io.noetl.schemas.playbook.Arc;
import io.noetl.schemas.playbook.Next;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Steps that run one after the other but could run side by side: in a chain {@code a → b → c} (each the only,
 * unconditional way from one to the next) where {@code c} reads nothing {@code b} produced (no template refers to
 * {@code b}), {@code a} can start both and {@code c}'s successor waits for both.
 */
final class Parallelism {

    /**
     * Two steps that could run in parallel.
     *
     * @param before the step that would start both
     * @param first  the first of the pair
     * @param second the second of the pair (it does not read {@code first})
     * @param join   where both end: the second's successor, or null when the branch ends there
     */
    record Pair(String before, String first, String second, String join) {
    }

    private Parallelism() {
    }

    static List<Pair> pairs(Playbook pb) {
        Map<String, Integer> incoming = new HashMap<>();
        for (Step s : pb.workflow()) {
            for (Arc a : arcs(s)) {
                incoming.merge(a.step(), 1, Integer::sum);
            }
        }
        List<Pair> out = new ArrayList<>();
        for (Step before : pb.workflow()) {
            Optional<String> first = only(before);
            if (first.isEmpty() || incoming.getOrDefault(first.get(), 0) != 1) {
                continue;
            }
            Optional<Step> b = pb.step(first.get());
            Optional<String> second = b.flatMap(Parallelism::only);
            if (b.isEmpty() || second.isEmpty() || incoming.getOrDefault(second.get(), 0) != 1) {
                continue;
            }
            Optional<Step> c = pb.step(second.get());
            if (c.isEmpty() || waits(b.get()) || waits(c.get()) || refersTo(c.get(), b.get().name())) {
                continue;
            }
            out.add(new Pair(before.name(), b.get().name(), c.get().name(), only(c.get()).orElse(null)));
        }
        return out;
    }

    /** The single unconditional arc of a step, if that is all it has. */
    private static Optional<String> only(Step s) {
        List<Arc> arcs = arcs(s);
        if (arcs.size() == 1 && (arcs.getFirst().when() == null || arcs.getFirst().when().isBlank())) {
            return Optional.of(arcs.getFirst().step());
        }
        return Optional.empty();
    }

    private static List<Arc> arcs(Step s) {
        Next next = s.next();
        return next == null || next.arcs() == null ? List.of() : next.arcs();
    }

    private static boolean waits(Step s) {
        return s.spec() != null && s.spec().waitDecision();
    }

    /** Whether any template of {@code s} (its args, tool config, arcs and loop) names {@code step}. */
    static boolean refersTo(Step s, String step) {
        String text = Json.string(s.args()) + Json.string(s.tool() == null ? null : s.tool().config())
                + Json.string(arcs(s).stream().map(a -> a.when() + " " + Json.string(a.args())).toList())
                + (s.loop() == null ? "" : s.loop().in());
        Pattern name = Pattern.compile("\\{\\{[^}]*\\b" + Pattern.quote(step) + "\\b[^}]*}}|\\{%[^%]*\\b"
                + Pattern.quote(step) + "\\b[^%]*%}");
        return name.matcher(text).find();
    }
}

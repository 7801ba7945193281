package io.noetl.topology.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The critical path of an execution: among chains of steps that ran one after another — each step of the chain
 * starting at or after the end of the one before it — the chain with the greatest sum of step durations; of equal
 * sums the one with more steps, then the one whose steps start earlier. A step counts with its span from the first
 * start of any attempt (or its {@code step.enter}) to its last end (or, while it runs, its latest event); steps
 * without a start are left out. Overlapping steps (parallel branches) cannot both be on the path, so the path is
 * the sequence that bounds the execution's duration. Computed from the step set alone, so it does not depend on
 * the order events arrived in.
 */
final class CriticalPath {

    /** One step's span. */
    record Span(String step, long start, long end) {
        long duration() {
            return Math.max(0, end - start);
        }
    }

    private CriticalPath() {
    }

    /** Step names of the critical path, in execution order; empty without spans. */
    static List<String> of(List<Span> spans) {
        List<Span> s = new ArrayList<>(spans);
        s.sort(Comparator.comparingLong(Span::end).thenComparingLong(Span::start).thenComparing(Span::step));
        int n = s.size();
        long[] total = new long[n];
        int[] count = new int[n];
        int[] prev = new int[n];
        int best = -1;
        for (int i = 0; i < n; i++) {
            Span cur = s.get(i);
            prev[i] = -1;
            total[i] = cur.duration();
            count[i] = 1;
            for (int j = 0; j < i; j++) {
                if (s.get(j).end() <= cur.start() && s.get(j) != cur
                        && better(total[j] + cur.duration(), count[j] + 1, j, total[i], count[i], prev[i])) {
                    total[i] = total[j] + cur.duration();
                    count[i] = count[j] + 1;
                    prev[i] = j;
                }
            }
            if (best < 0 || better(total[i], count[i], i, total[best], count[best], best)) {
                best = i;
            }
        }
        List<String> path = new ArrayList<>();
        for (int i = best; i >= 0; i = prev[i]) {
            path.add(s.get(i).step());
        }
        Collections.reverse(path);
        return path;
    }

    /** Greater sum, then more steps, then the earlier index (earlier steps) wins. */
    private static boolean better(long total, int count, int index, long otherTotal, int otherCount, int otherIndex) {
        if (total != otherTotal) {
            return total > otherTotal;
        }
        if (count != otherCount) {
            return count > otherCount;
        }
        return otherIndex < 0 || index < otherIndex;
    }
}

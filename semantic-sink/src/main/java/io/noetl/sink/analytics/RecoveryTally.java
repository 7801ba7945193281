package io.noetl.sink.analytics;

import io.noetl.stores.analytics.ClassRecovery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, per error class, the step runs (execution + step) that met an error and those a later attempt recovered,
 * from one row per run. A run's class is the class of its first error (lowest attempt, then earliest; no class
 * counts as {@code unknown}); it recovered when it has a {@code task_end} with a higher attempt than that error's,
 * the lowest such attempt being the one that succeeded. The median of an even number of attempts is the lower one.
 */
public final class RecoveryTally {

    /** The sort key of an error: attempt number times this, plus its epoch milliseconds. */
    public static final long ATTEMPT_WEIGHT = 1L << 44;

    private final Map<String, List<Integer>> successes = new TreeMap<>();
    private final Map<String, Long> runs = new TreeMap<>();

    /**
     * Adds one run.
     *
     * @param r a row with {@code cls}, {@code first_key} (the first error's attempt times {@link #ATTEMPT_WEIGHT}
     *          plus its time) and {@code successes} (the attempt numbers of its {@code task_end} events)
     */
    public void add(StoredRow r) {
        String errorClass = r.text("cls");
        int firstAttempt = (int) (r.number("first_key") / ATTEMPT_WEIGHT);
        runs.merge(errorClass, 1L, Long::sum);
        List<Integer> classSuccesses = successes.computeIfAbsent(errorClass, c -> new ArrayList<>());
        r.numbers("successes").stream()
                .mapToInt(Long::intValue)
                .filter(a -> a > firstAttempt)
                .min()
                .ifPresent(classSuccesses::add);
    }

    /** @return one row per class, most runs first, then by class */
    public List<ClassRecovery> result() {
        List<ClassRecovery> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : runs.entrySet()) {
            List<Integer> attempts = successes.get(e.getKey()).stream().sorted().toList();
            int median = attempts.isEmpty() ? 0 : attempts.get((attempts.size() - 1) / 2);
            int max = attempts.isEmpty() ? 0 : attempts.getLast();
            out.add(new ClassRecovery(e.getKey(), e.getValue(), attempts.size(), median, max));
        }
        out.sort(Comparator.comparingLong(ClassRecovery::runs).reversed().thenComparing(ClassRecovery::errorClass));
        return out;
    }
}

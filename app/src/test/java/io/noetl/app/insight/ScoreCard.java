package io.noetl.app.insight;

import io.noetl.app.insight.ScenarioRunner.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** How well the diagnoses matched the scenarios: overall, per half, per expected class, and what was missed. */
record ScoreCard(List<Outcome> outcomes) {

    ScoreCard {
        outcomes = List.copyOf(outcomes);
    }

    double classAccuracy() {
        return share(outcomes, Outcome::classRight);
    }

    double stepAccuracy() {
        return share(outcomes, Outcome::stepRight);
    }

    /** Class accuracy on one half ({@link Scenario#half()}). */
    double classAccuracy(int half) {
        return share(outcomes.stream().filter(o -> o.scenario().half() == half).toList(), Outcome::classRight);
    }

    /** Step accuracy on one half ({@link Scenario#half()}). */
    double stepAccuracy(int half) {
        return share(outcomes.stream().filter(o -> o.scenario().half() == half).toList(), Outcome::stepRight);
    }

    /** The one line the benchmark page quotes. */
    String headline() {
        return String.format(Locale.ROOT,
                "diagnosis_scenarios=%d class_accuracy=%.2f step_accuracy=%.2f tune=%.2f heldout=%.2f "
                        + "tune_n=%d heldout_n=%d tune_step=%.2f heldout_step=%.2f",
                outcomes.size(), classAccuracy(), stepAccuracy(), classAccuracy(0), classAccuracy(1),
                count(0), count(1), stepAccuracy(0), stepAccuracy(1));
    }

    /** Per expected class: scenarios, right class, right step; then the class accuracy of each half. */
    String table() {
        return table(o -> o.scenario().expectedClass(), "class");
    }

    /** The same figures per tool family. */
    String byTool() {
        return table(o -> o.scenario().tool(), "tool");
    }

    private String table(Function<Outcome, String> key, String title) {
        Map<String, int[]> rows = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] r = rows.computeIfAbsent(key.apply(o), k -> new int[7]);
            int half = o.scenario().half();
            r[0]++;
            r[1] += o.classRight() ? 1 : 0;
            r[2] += o.stepRight() ? 1 : 0;
            r[3 + 2 * half]++;
            r[4 + 2 * half] += o.classRight() ? 1 : 0;
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-20s %5s %7s %6s %13s %13s%n", title, "n",
                "class", "step", "tune n/class", "heldout n/class"));
        rows.forEach((name, r) -> sb.append(String.format(Locale.ROOT, "%-20s %5d %7.2f %6.2f %6d %6s %6d %6s%n",
                name, r[0], r[1] / (double) r[0], r[2] / (double) r[0], r[3], ratio(r[4], r[3]), r[5],
                ratio(r[6], r[5]))));
        return sb.toString();
    }

    private static String ratio(int right, int total) {
        return total == 0 ? "-" : String.format(Locale.ROOT, "%.2f", right / (double) total);
    }

    /** One line per scenario whose class or step was wrong. */
    String misses() {
        StringBuilder sb = new StringBuilder();
        for (Outcome o : outcomes) {
            if (!o.classRight() || !o.stepRight()) {
                Scenario s = o.scenario();
                sb.append(String.format(Locale.ROOT, "%s [half %d, %s] expected %s@%s got %s@%s (%s): %s%n",
                        s.name(), s.half(), o.executionId(), s.expectedClass(), s.expectedStep(), o.actualClass(),
                        o.actualStep(), o.status(), o.summary()));
            }
        }
        return sb.toString();
    }

    private long count(int half) {
        return outcomes.stream().filter(o -> o.scenario().half() == half).count();
    }

    private static double share(List<Outcome> list, Predicate<Outcome> right) {
        return list.isEmpty() ? 0 : list.stream().filter(right).count() / (double) list.size();
    }
}

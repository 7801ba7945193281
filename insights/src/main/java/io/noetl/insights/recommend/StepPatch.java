package io.noetl.insights.recommend;

import java.util.List;
import java.util.Locale;

/**
 * YAML fragments of one step, in the playbook DSL, that apply a recommendation: merged into the step of that name
 * they change only what the fragment names.
 */
public final class StepPatch {

    private StepPatch() {
    }

    /**
     * A retry rule for the given classes ({@code outcome.error.class}, set by the worker on every error).
     *
     * @param attempts    attempts in all, the first included
     * @param exponential exponential backoff (else fixed)
     * @param delaySec    first delay in seconds
     */
    public static String retry(String step, List<String> classes, int attempts, boolean exponential, int delaySec) {
        return "step: " + step + "\n"
                + "spec:\n"
                + "  policy:\n"
                + "    rules:\n"
                + "      - when: \"" + classTest(classes) + "\"\n"
                + "        then:\n"
                + "          do: retry\n"
                + "          attempts: " + attempts + "\n"
                + "          backoff: " + (exponential ? "exponential" : "fixed") + "\n"
                + "          delay: " + delaySec + "\n";
    }

    /** A rule that fails at once, without retrying, on errors of these classes. */
    public static String failFast(String step, List<String> classes) {
        return "step: " + step + "\n"
                + "spec:\n"
                + "  policy:\n"
                + "    rules:\n"
                + "      - when: \"" + classTest(classes) + "\"\n"
                + "        then:\n"
                + "          do: fail\n";
    }

    /** The step's time limit. */
    public static String timeout(String step, long seconds) {
        return "step: " + step + "\n"
                + "spec:\n"
                + "  timeout: " + human(seconds) + "\n";
    }

    /** How many loop items run at once. */
    public static String maxInFlight(String step, int maxInFlight) {
        return "step: " + step + "\n"
                + "loop:\n"
                + "  spec:\n"
                + "    mode: parallel\n"
                + "    max_in_flight: " + maxInFlight + "\n";
    }

    /** An arc taken when a person rejects the data at a decision step, to a step that sets the data aside. */
    public static String onReject(String step, String target) {
        return "step: " + step + "\n"
                + "next:\n"
                + "  - step: " + target + "\n"
                + "    when: \"{{ " + step + ".action == 'reject' }}\"\n";
    }

    static String classTest(List<String> classes) {
        if (classes.size() == 1) {
            return "{{ outcome.error.class == '" + classes.getFirst() + "' }}";
        }
        StringBuilder b = new StringBuilder("{{ outcome.error.class in [");
        for (int i = 0; i < classes.size(); i++) {
            b.append(i == 0 ? "" : ", ").append('\'').append(classes.get(i)).append('\'');
        }
        return b.append("] }}").toString();
    }

    /** {@code 90} → {@code 90s}, {@code 300} → {@code 5m}, {@code 7200} → {@code 2h}. */
    static String human(long seconds) {
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return String.format(Locale.ROOT, "%ds", seconds);
    }
}

package io.noetl.app.compat;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Playbooks counted per reason: the same words for the same cause, whatever the step or line it was found at. */
final class Reasons {

    /** {@code workflow[2].tool (line 14): } before a problem's message. */
    private static final Pattern LOCATION = Pattern.compile("^[\\w\\[\\].$-]*(?: \\(line \\d+\\))?: ");

    private final Map<String, Set<String>> playbooksByReason = new LinkedHashMap<>();

    /** Counts {@code playbook} once under each of its reasons. */
    void add(String playbook, List<String> reasons) {
        reasons.forEach(r -> playbooksByReason.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(playbook));
    }

    /** Reasons with their counts, most frequent first, then by reason. */
    List<Map.Entry<String, Integer>> counted() {
        return playbooksByReason.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().size()))
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .toList();
    }

    /**
     * A rejection's problem as a reason: its message without where it was found ({@code workflow[2].tool (line 14): })
     * nor the names of steps.
     */
    static String problem(String detail) {
        return LOCATION.matcher(detail).replaceFirst("")
                .replaceAll("step '[^']*'", "step '…'")
                .replaceAll("got '\\{\\{.*}}'$", "got '{{ … }}'")
                .replaceAll("\\d+ '\\{\\{' but \\d+ '}}'", "N '{{' but M '}}'");
    }

    /**
     * A run's failure as a reason: its status and error without the failing step's name, quoted names and values,
     * and ids.
     */
    static String failure(String status, String error) {
        if (error == null || error.isBlank()) {
            return status;
        }
        String reason = error.replaceFirst("^step \\S+ failed: ", "")
                .replaceAll("^waits for a decision at .*", "waits for a decision")
                .replaceAll("template '.*?' failed", "template '…' failed")
                .replaceAll("'[^']*'", "'…'")
                .replace("UnknownTokenException: Unknown token found", "Unknown token found")
                .replaceAll("Unknown token found: \\S+", "Unknown token found: …")
                .replaceAll("\\b[0-9A-HJKMNP-TV-Z]{26}\\b", "…");
        return status + ": " + reason;
    }

    /** Each distinct value of {@code key} over {@code items}, in order. */
    static <T> List<String> distinct(List<T> items, Function<T, String> key) {
        return List.copyOf(new LinkedHashSet<>(items.stream().map(key).toList()));
    }
}

package io.noetl.insights.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Step and playbook names made from a description's words: snake_case, letters first, unique. */
final class Names {

    private static final int MAX_WORDS = 3;
    private static final int MAX_LENGTH = 40;
    private static final Set<String> FILLER = Set.of("a", "an", "the", "from", "to", "into", "in", "on", "of", "for",
            "with", "it", "them", "its", "their", "our", "my", "this", "that", "these", "those", "each", "every",
            "all", "some", "any", "then", "please", "and", "or", "by", "at", "as", "is", "are", "be", "should",
            "must", "we", "i", "you", "via", "using", "use", "when", "if", "so", "also", "after", "before", "new",
            "s", "secs", "seconds", "minutes", "mins", "hours", "within", "timeout", "flaky", "playbook", "workflow",
            "step", "steps", "first", "data", "which", "was", "do", "does", "can", "may", "person");

    /** Words a template reads as something else: a step or a field by this name could not be read back. */
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "in", "is", "if", "else", "elif", "true",
            "false", "none", "null", "for", "loop", "workload", "vars", "args", "iter", "keychain", "outcome",
            "execution_id", "callback_url", "current_user", "now", "range", "result");

    private Names() {
    }

    /** The meaningful words, lower case, in order. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty() && !FILLER.contains(w) && !w.matches("\\d+[a-z]*")) {
                out.add(w);
            }
        }
        return out;
    }

    /** @return {@code name}, or {@code name_value} when a template would read {@code name} as something else */
    static String safe(String name) {
        return RESERVED.contains(name) ? name + "_value" : name;
    }

    /** A snake_case name of the first words of {@code text}, or {@code fallback}; not one of {@code taken}. */
    static String of(String text, String fallback, Set<String> taken) {
        List<String> words = words(text).stream().distinct().toList();
        String base = String.join("_", words.subList(0, Math.min(MAX_WORDS, words.size())));
        if (base.length() > MAX_LENGTH) {
            base = base.substring(0, MAX_LENGTH).replaceAll("_+$", "");
        }
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = fallback;
        }
        base = safe(base);
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "_" + n;
        }
        taken.add(name);
        return name;
    }
}

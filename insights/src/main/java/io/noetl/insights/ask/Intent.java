package io.noetl.insights.ask;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a question asks for, read from its words; decides which evidence the extractive answer leads with. */
public enum Intent {
    /** What fixed it, or how to fix it. */
    WHAT_FIXED("\\b(fix|fixed|fixes|resolv\\w*|resolution|workaround|solv\\w*|remed\\w*|recover\\w*)\\b"),
    /** Which step is slow. */
    SLOW_STEP("\\b(slow\\w*|bottleneck\\w*|latenc\\w*|duration\\w*|p9[59]|p50|longest|takes? (so )?long"
            + "|fast\\w*|performance|how long)\\b"),
    /** How often it fails. */
    FAILURE_RATE("\\b(how often|how many times|rate|frequen\\w*|flak\\w*|percent\\w*|ratio)\\b|%"),
    /** What changed. */
    WHAT_CHANGED("\\b(chang\\w*|differ\\w*|new|since|regress\\w*|start(ed|s)? (failing|to fail)|used to)\\b"),
    /** Why it failed. */
    WHY_FAILED("\\b(why|fail\\w*|error\\w*|cause\\w*|broke\\w*|broken|wrong|crash\\w*|root)\\b"),
    /** Anything else: the nearest evidence. */
    GENERAL(null);

    private final Pattern words;

    Intent(String regex) {
        this.words = regex == null ? null : Pattern.compile(regex);
    }

    /** @return the first intent, in declaration order, whose words the question uses */
    public static Intent of(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        for (Intent i : values()) {
            if (i.words != null && i.words.matcher(q).find()) {
                return i;
            }
        }
        return GENERAL;
    }
}

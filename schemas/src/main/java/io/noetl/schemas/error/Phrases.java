package io.noetl.schemas.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The weighted phrase families of {@code phrases.tsv}, matched against lower-cased text. */
final class Phrases {

    /** One line of the table; {@code literals} is null when the rule cannot be skipped by a substring check. */
    private record Rule(ErrorClass errorClass, double weight, Pattern pattern, List<String> literals) {

        boolean matches(String lower, boolean filtered) {
            if (filtered && literals != null && literals.stream().noneMatch(lower::contains)) {
                return false;
            }
            return pattern.matcher(lower).find();
        }
    }

    private static final String TABLE = "phrases.tsv";
    private static final List<Rule> RULES = load();

    private Phrases() {
    }

    /** Adds, for each rule matching {@code text}, its weight times {@code factor} to its class. */
    static void score(String text, double factor, Scores scores) {
        score(text, factor, scores, true);
    }

    /**
     * As {@link #score(String, double, Scores)}; {@code filtered} false runs every pattern without first checking
     * for its required literals (the same result, slower: for tests of the filter).
     */
    static void score(String text, double factor, Scores scores, boolean filtered) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            if (r.matches(lower, filtered)) {
                scores.addPhrase(r.errorClass(), r.weight() * factor);
            }
        }
    }

    /** True when some phrase of {@code c} is in {@code text}. */
    static boolean mentions(String text, ErrorClass c) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            if (r.errorClass() == c && r.matches(lower, true)) {
                return true;
            }
        }
        return false;
    }

    private static List<Rule> load() {
        List<Rule> rules = new ArrayList<>();
        for (String[] row : RuleTables.rows(TABLE, 3)) {
            try {
                rules.add(new Rule(RuleTables.errorClass(row[0], TABLE), Double.parseDouble(row[1]),
                        Pattern.compile(row[2]), Literals.required(row[2])));
            } catch (NumberFormatException | PatternSyntaxException e) {
                throw new IllegalStateException(TABLE + ": bad rule for " + row[0] + ": " + row[2], e);
            }
        }
        return List.copyOf(rules);
    }
}

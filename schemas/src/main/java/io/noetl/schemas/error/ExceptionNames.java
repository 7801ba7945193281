package io.noetl.schemas.error;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error types and exception names ({@code types.tsv}): the producer's type, the name that heads a message
 * ({@code KeyError: 'x'}, {@code java.net.ConnectException: ...}), names given as a cause ({@code Caused by:},
 * {@code (Caused by NewConnectionError(}), provider error codes ({@code An error occurred (AccessDenied)}) and names
 * mentioned anywhere else, in decreasing weight.
 */
final class ExceptionNames {

    /** What a table row says about a name. */
    record Hint(ErrorClass errorClass, boolean strong) {
    }

    /** Where a name was found: a strong name weighs {@code strong}, a weak one {@code weak}. */
    enum Place {
        TYPE(6, 2), HEAD(6, 2), CODE(6, 2), CAUSE(5, 2), MENTION(3, 1);

        final double strong;
        final double weak;

        Place(double strong, double weak) {
            this.strong = strong;
            this.weak = weak;
        }
    }

    /** Names that say nothing about the cause: a message headed by one of them is an opaque failure. */
    static final Set<String> GENERIC = Set.of("Exception", "BaseException", "Error", "RuntimeError",
            "RuntimeException", "ExecutionException", "Throwable", "StandardError", "OSError", "IOError",
            "IOException", "EnvironmentError", "UncheckedIOException", "CompletionException");

    /** Types the platform itself raises for one reason only; see {@link ErrorClassifier}. */
    static final Set<String> PLATFORM_TYPES = Set.of("Timeout", "Cancelled", "ChildCancelled", "Rejected",
            "KeychainError", "TemplateError", "ConfigError", "UnsupportedTool", "PlaybookNotFound");

    private static final String TABLE = "types.tsv";
    private static final Map<String, Hint> HINTS = load();
    private static final String NAME = "((?:[A-Za-z_][\\w]*(?:[.$]|::))*[A-Za-z_]\\w*)";
    /** A name heading the text: followed by a colon, or alone on the first line (an exception without a message). */
    private static final Pattern HEAD = Pattern.compile("^\\s*" + NAME + "[ \\t]*(?::|\\R|$)");
    private static final Pattern CAUSE = Pattern.compile("(?i:caused by):?\\s+" + NAME);
    private static final Pattern CODE = Pattern.compile("error occurred \\((\\w+)\\)|(?:^|: )\\((\\w+)\\) ");
    private static final Pattern QUALIFIED =
            Pattern.compile("\\b((?:[a-z_][\\w]*\\.)+[A-Z]\\w*(?:\\$\\w+)?|(?:[A-Za-z_]\\w*::)+[A-Z]\\w*)");
    private static final Pattern SEPARATORS = Pattern.compile("[.$]|::");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|_");
    private static final Pattern SUFFIXED = Pattern.compile("\\b([A-Z][A-Za-z0-9]*(?:Error|Exception))\\b");

    private ExceptionNames() {
    }

    /** The table's hint for a simple or qualified name ({@code a.b.C} tries {@code b.C}, then {@code C}). */
    static Hint lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        String[] parts = SEPARATORS.split(n);
        if (parts.length >= 2) {
            Hint two = HINTS.get(parts[parts.length - 2] + "." + parts[parts.length - 1]);
            if (two != null) {
                return two;
            }
            Hint inner = HINTS.get(parts[parts.length - 1]);
            return inner != null ? inner : HINTS.get(parts[parts.length - 2]);
        }
        return HINTS.get(n);
    }

    /** The simple name heading {@code message} ({@code KeyError} of {@code KeyError: 'x'}), or null. */
    static String head(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = HEAD.matcher(message);
        if (!m.find()) {
            return null;
        }
        return simple(m.group(1));
    }

    /** Adds the evidence of every known name in the type, the message and (times {@code detailFactor}) the detail. */
    static void score(String type, String message, String detail, double detailFactor, Scores scores) {
        Found found = new Found();
        found.note(type, Place.TYPE, 1);
        found.collect(message, 1);
        found.collect(detail, detailFactor);
        found.known.forEach((key, w) -> scores.add(found.hints.get(key).errorClass(), w));
        found.unknown.forEach((name, factor) -> Phrases.score(words(name), factor, scores));
    }

    /**
     * The names found in one error: known ones with their weight, unknown ones with how much their words count
     * (the words of {@code MongoSocketOpenException} are read like a message, in proportion to where it stood).
     */
    private static final class Found {
        final Map<String, Double> known = new LinkedHashMap<>();
        final Map<String, Hint> hints = new HashMap<>();
        final Map<String, Double> unknown = new LinkedHashMap<>();

        void collect(String text, double factor) {
            if (text == null || text.isEmpty()) {
                return;
            }
            Matcher head = HEAD.matcher(text);
            if (head.find()) {
                note(head.group(1), Place.HEAD, factor);
            }
            for (Matcher m = CAUSE.matcher(text); m.find(); ) {
                note(m.group(1), Place.CAUSE, factor);
            }
            for (Matcher m = CODE.matcher(text); m.find(); ) {
                note(m.group(1) != null ? m.group(1) : m.group(2), Place.CODE, factor);
            }
            for (Pattern p : List.of(QUALIFIED, SUFFIXED)) {
                for (Matcher m = p.matcher(text); m.find(); ) {
                    note(m.group(1), Place.MENTION, factor);
                }
            }
        }

        void note(String name, Place place, double factor) {
            if (name == null || name.isBlank()) {
                return;
            }
            Hint hint = lookup(name);
            String simple = simple(name);
            if (hint == null && isTypeName(simple)) {
                hint = tailHint(simple);
            }
            if (hint == null) {
                if (isTypeName(simple) && !GENERIC.contains(simple)) {
                    unknown.merge(simple, factor * place.strong / Place.HEAD.strong, Math::max);
                }
                return;
            }
            String key = hint.errorClass() + "/" + simple;
            known.merge(key, (hint.strong() ? place.strong : place.weak) * factor, Math::max);
            hints.put(key, hint);
        }
    }

    /**
     * The hint of the longest known tail of a compound name ({@code DataContractViolation} reads as
     * {@code ContractViolation}, {@code UpstreamConnectionError} as {@code ConnectionError}), or null. Generic names and
     * the platform's own types ({@code Rejected}, {@code Timeout}, ...) are not tails: their meaning is fixed by who
     * raises them, not by their words.
     */
    static Hint tailHint(String simple) {
        String[] words = CAMEL.split(simple);
        for (int i = 1; i < words.length; i++) {
            String tail = String.join("", Arrays.copyOfRange(words, i, words.length));
            if (!GENERIC.contains(tail) && !PLATFORM_TYPES.contains(tail) && HINTS.containsKey(tail)) {
                return HINTS.get(tail);
            }
        }
        return null;
    }

    private static String simple(String name) {
        String[] parts = SEPARATORS.split(name.strip());
        return parts[parts.length - 1];
    }

    /** A CamelCase name of two words or more ({@code ReadTimeout}), not a module or logger name. */
    private static boolean isTypeName(String simple) {
        return Character.isUpperCase(simple.charAt(0)) && CAMEL.split(simple).length >= 2;
    }

    /** {@code UnknownTopicOrPartitionException} as {@code unknown topic or partition exception}. */
    static String words(String name) {
        return String.join(" ", CAMEL.split(simple(name))).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Hint> load() {
        Map<String, Hint> hints = new HashMap<>();
        for (String[] row : RuleTables.rows(TABLE, 3)) {
            if (!row[2].equals("S") && !row[2].equals("W")) {
                throw new IllegalStateException(TABLE + ": strength of " + row[0] + " must be S or W");
            }
            hints.put(row[0], new Hint(RuleTables.errorClass(row[1], TABLE), row[2].equals("S")));
        }
        return Map.copyOf(hints);
    }
}

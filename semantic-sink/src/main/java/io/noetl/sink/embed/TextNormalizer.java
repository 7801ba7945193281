package io.noetl.sink.embed;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns redacted error or log text into the canonical text that is embedded: values that vary from one occurrence
 * of the same error to the next (numbers, ids, hex, UUIDs, ULIDs, timestamps, IPs, host:port pairs, URLs, e-mails,
 * paths, short quoted values) become the placeholder {@value #PLACEHOLDER}, credential-looking assignments are
 * masked again as a second line of defence, white space is collapsed and the result is bounded.
 *
 * <p>Two occurrences of one error that differ only in such values normalize to the same text, so they embed to the
 * same vector and share one cache entry. Thread-safe and deterministic.
 */
public final class TextNormalizer {

    /** What a masked value becomes. */
    public static final String PLACEHOLDER = "<*>";

    /** Default bound on the normalized text, in characters. */
    public static final int DEFAULT_MAX_CHARS = 4096;

    private static final List<String> SECRET_WORDS = List.of("pass", "pwd", "secret", "token", "key", "auth",
            "bearer");
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(\\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|authorization)\\s*[=:]\\s*(?:(?:bearer|basic)\\s+)?"
                    + "|\\bbearer\\s+)(?!<\\*>)[^\\s,;&]+");

    /** A shape of variable, tried only when the text passes a cheap test of what the shape needs. */
    private record Shape(Predicate<String> mayMatch, Pattern pattern) {

        Shape(Predicate<String> mayMatch, String regex) {
            this(mayMatch, Pattern.compile(regex));
        }
    }

    // Order matters: a longer, more specific shape is masked before the shapes it contains.
    private static final List<Shape> VARIABLES = List.of(
            new Shape(s -> s.contains("://"), "\\b[a-zA-Z][a-zA-Z0-9+.-]*+://[^\\s,;\"'()\\[\\]<>]+"),
            new Shape(s -> s.indexOf('@') >= 0, "[\\w.+-]++@[\\w-]++(?:\\.[\\w-]++)+"),
            new Shape(s -> s.indexOf('-') >= 0,
                    "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
            new Shape(TextNormalizer::hasDigit, "\\b[0-9][0-9A-HJKMNP-TV-Z]{25}\\b"),
            new Shape(s -> s.indexOf('-') >= 0,
                    "\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"),
            new Shape(TextNormalizer::hasColonDigit, "\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?\\b"),
            new Shape(s -> s.indexOf(':') >= 0, "\\b[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5,}\\b"),
            new Shape(s -> s.indexOf('.') >= 0, "\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?\\b"),
            new Shape(TextNormalizer::hasColonDigit, "\\b[a-zA-Z0-9-]++(?:\\.[a-zA-Z0-9-]++)++:\\d{1,5}\\b"),
            new Shape(s -> s.indexOf('/') >= 0 || s.indexOf('\\') >= 0,
                    "(?<![\\w./<])(?:/[\\w.@~+*%-]++)++/?|(?<!\\w)[A-Za-z]:\\\\[^\\s,;]+"),
            new Shape(s -> s.indexOf('\'') >= 0 || s.indexOf('"') >= 0, "'[^'\\s]{1,64}'|\"[^\"\\s]{1,64}\""),
            new Shape(s -> s.indexOf('x') >= 0 || s.indexOf('X') >= 0, "\\b0[xX][0-9a-fA-F]+\\b"),
            new Shape(TextNormalizer::hasDigit,
                    "\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b"));

    private static final Pattern REPEATED = Pattern.compile("<\\*>(?:[_.:=#$+-]*<\\*>)+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final int maxChars;

    /** A normalizer bounding its output to {@link #DEFAULT_MAX_CHARS}. */
    public TextNormalizer() {
        this(DEFAULT_MAX_CHARS);
    }

    /**
     * @param maxChars bound on the normalized text, at least 16
     */
    public TextNormalizer(int maxChars) {
        if (maxChars < 16) {
            throw new IllegalArgumentException("maxChars must be at least 16, got " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /**
     * Normalizes one text.
     *
     * @param text redacted text; null is treated as empty
     * @return the canonical text, never null
     */
    public String normalize(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = text.length() > maxChars * 4 ? text.substring(0, maxChars * 4) : text;
        if (mayHoldSecret(s)) {
            s = SECRET.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(PLACEHOLDER));
        }
        for (Shape shape : VARIABLES) {
            if (shape.mayMatch().test(s)) {
                s = shape.pattern().matcher(s).replaceAll(Matcher.quoteReplacement(PLACEHOLDER));
            }
        }
        s = maskDigitTokens(s);
        s = REPEATED.matcher(s).replaceAll(Matcher.quoteReplacement(PLACEHOLDER));
        s = SPACE.matcher(s).replaceAll(" ").strip();
        return s.length() > maxChars ? s.substring(0, maxChars) : s;
    }

    private static boolean mayHoldSecret(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * In a token (a run of word characters and the joiners {@code _.:=#$+-}) like {@code blk_-6952} or
     * {@code node-246}, masks the parts holding a digit and keeps the word parts and joiners.
     */
    private static String maskDigitTokens(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!isTokenChar(s.charAt(i))) {
                out.append(s.charAt(i++));
                continue;
            }
            int end = i;
            while (end < n && isTokenChar(s.charAt(end))) {
                end++;
            }
            if (containsDigit(s, i, end)) {
                int part = i;
                for (int j = i; j <= end; j++) {
                    if (j == end || isJoiner(s.charAt(j))) {
                        out.append(containsDigit(s, part, j) ? PLACEHOLDER : s.substring(part, j));
                        if (j < end) {
                            out.append(s.charAt(j));
                        }
                        part = j + 1;
                    }
                }
            } else {
                out.append(s, i, end);
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean hasDigit(String s) {
        return containsDigit(s, 0, s.length());
    }

    private static boolean hasColonDigit(String s) {
        for (int i = s.indexOf(':'); i >= 0 && i + 1 < s.length(); i = s.indexOf(':', i + 1)) {
            if (Character.isDigit(s.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || isJoiner(c);
    }

    private static boolean isJoiner(char c) {
        return c == '_' || c == '.' || c == ':' || c == '=' || c == '#' || c == '$' || c == '+' || c == '-';
    }

    private static boolean containsDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

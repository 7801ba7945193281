package io.noetl.sink.embed;

import java.util.List;
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

    private static final Pattern SECRET = Pattern.compile(
            "(?i)(\\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|authorization)\\s*[=:]\\s*(?:(?:bearer|basic)\\s+)?"
                    + "|\\bbearer\\s+)(?!<\\*>)[^\\s,;&]+");

    // Order matters: a longer, more specific shape is masked before the shapes it contains.
    private static final List<Pattern> VARIABLES = List.of(
            Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s,;\"'()\\[\\]<>]+"),
            Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"),
            Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
            Pattern.compile("\\b[0-9][0-9A-HJKMNP-TV-Z]{25}\\b"),
            Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"),
            Pattern.compile("\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?\\b"),
            Pattern.compile("\\b[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5,}\\b"),
            Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?\\b"),
            Pattern.compile("\\b[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)+:\\d{1,5}\\b"),
            Pattern.compile("(?<![\\w./<])(?:/[\\w.@~+*%-]+)+/?|(?<!\\w)[A-Za-z]:\\\\[^\\s,;]+"),
            Pattern.compile("'[^'\\s]{1,64}'|\"[^\"\\s]{1,64}\""),
            Pattern.compile("\\b0[xX][0-9a-fA-F]+\\b"),
            Pattern.compile("\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b"));

    /** A token of word characters and joiners; its parts that hold a digit are variables. */
    private static final Pattern TOKEN = Pattern.compile("[\\w.:=#$+-]*\\d[\\w.:=#$+-]*");
    private static final Pattern PART_SEPARATOR = Pattern.compile("(?<=[_.:=#$+-])|(?=[_.:=#$+-])");
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
        s = SECRET.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(PLACEHOLDER));
        for (Pattern p : VARIABLES) {
            s = p.matcher(s).replaceAll(Matcher.quoteReplacement(PLACEHOLDER));
        }
        s = maskDigitTokens(s);
        s = REPEATED.matcher(s).replaceAll(Matcher.quoteReplacement(PLACEHOLDER));
        s = SPACE.matcher(s).replaceAll(" ").strip();
        return s.length() > maxChars ? s.substring(0, maxChars) : s;
    }

    /** In a token like {@code blk_-6952} or {@code node-246}, masks the parts holding a digit, keeping word parts. */
    private static String maskDigitTokens(String s) {
        Matcher m = TOKEN.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            StringBuilder token = new StringBuilder();
            for (String part : PART_SEPARATOR.split(m.group())) {
                token.append(containsDigit(part) ? PLACEHOLDER : part);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(token.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean containsDigit(String part) {
        for (int i = 0; i < part.length(); i++) {
            if (Character.isDigit(part.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

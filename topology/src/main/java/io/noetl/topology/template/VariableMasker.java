package io.noetl.topology.template;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the spans of a message that hold multi-character variables which plain tokenization would split or miss:
 * URLs, e-mails, MAC-like hex groups, UUIDs, ULIDs, timestamps, IPs with ports, host:port pairs, paths, quoted values, hex numbers,
 * durations and sizes. Tokens that contain a digit are variables anyway (see {@link Tokenizer}).
 */
final class VariableMasker {

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s,;\"'()\\[\\]]+"),
            Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"),
            Pattern.compile("\\b[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5,}\\b"),
            Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
            Pattern.compile("\\b[0-9][0-9A-HJKMNP-TV-Z]{25}\\b"),
            Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"),
            Pattern.compile("\\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                    + "\\s+\\d{1,2}\\s+\\d{1,2}:\\d{2}:\\d{2}(?:\\s+\\d{4})?\\b"),
            Pattern.compile("\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?\\b"),
            Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?\\b"),
            Pattern.compile("\\b[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)+:\\d{1,5}\\b"),
            Pattern.compile("(?<![\\w./])(?:/[\\w.@~+*-]+)+/?|(?<![\\w])[A-Za-z]:\\\\[^\\s,;]+"),
            Pattern.compile("'[^'\\s][^']*'|\"[^\"]*\""),
            Pattern.compile("\\b0[xX][0-9a-fA-F]+\\b"),
            Pattern.compile("\\(\\s*\\d+(?:\\.\\d+)?\\s*(?:[KMGT]i?B|bytes|B)\\s*\\)"),
            Pattern.compile("<?\\b\\d+(?:\\.\\d+)?\\s?(?:ms|us|ns|secs?|seconds?|mins?|minutes?|hours?|[KMGT]i?B|B|bytes|[kmg]b)\\b"),
            Pattern.compile("\\b\\d+(?:\\.\\d+)?(?:ms|us|ns|s|m|h|d|[KMGT]i?B|[kmg]b|[KMG]|B)\\b"));

    private VariableMasker() {
    }

    /**
     * Marks the characters of {@code message} that belong to a variable span.
     *
     * @param message the raw message
     * @return one flag per character, true inside a variable span
     */
    static boolean[] mask(String message) {
        boolean[] masked = new boolean[message.length()];
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(message);
            while (m.find()) {
                if (m.end() > m.start() && !overlaps(masked, m.start(), m.end())) {
                    java.util.Arrays.fill(masked, m.start(), m.end(), true);
                }
            }
        }
        return masked;
    }

    private static boolean overlaps(boolean[] masked, int from, int to) {
        for (int i = from; i < to; i++) {
            if (masked[i]) {
                return true;
            }
        }
        return false;
    }
}

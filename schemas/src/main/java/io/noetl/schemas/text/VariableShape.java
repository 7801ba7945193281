package io.noetl.schemas.text;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A shape of value that varies from one occurrence of a log line or error to the next (an id, an address, a time, a
 * path...), as a regular expression and a cheap test of what a text needs to hold for the expression to match (so
 * most shapes are skipped on most texts). Where two readers of messages want a shape drawn slightly differently,
 * both drawings are here, named by their difference; {@link VariableMasks} applies a chosen list of them.
 */
public enum VariableShape {

    /** A URL starting at a word boundary, stopping at white space, quotes, brackets and angle brackets. */
    URL("://", "\\b[a-zA-Z][a-zA-Z0-9+.-]*+://[^\\s,;\"'()\\[\\]<>]+"),
    /** A URL that may start inside a word (after a digit or an underscore) and runs through angle brackets. */
    URL_LOOSE("://", "[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s,;\"'()\\[\\]]+"),
    /** An e-mail address. */
    EMAIL("@", "[\\w.+-]++@[\\w-]++(?:\\.[\\w-]++)+"),
    /** Six or more colon-separated hex pairs (MAC and similar addresses). */
    MAC(":", "\\b[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5,}\\b"),
    /** A UUID in its 8-4-4-4-12 hex form. */
    UUID("-", "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
    /** A ULID (26 Crockford base-32 characters, upper case). */
    ULID(VariableShape::hasDigit, "\\b[0-9][0-9A-HJKMNP-TV-Z]{25}\\b"),
    /** An ISO date, with a time of day to the minute or second, fraction and offset when present. */
    DATE_TIME("-",
            "\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"),
    /** An ISO date, with a time of day only when it has seconds (a time to the minute is left to {@link #CLOCK}). */
    DATE_TIME_SECONDS("-",
            "\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"),
    /** A syslog time stamp such as {@code Mon Jun 9 06:06:20 2005}. */
    SYSLOG_TIME(VariableShape::hasColonDigit, "\\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\s+)?"
            + "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
            + "\\s+\\d{1,2}\\s+\\d{1,2}:\\d{2}:\\d{2}(?:\\s+\\d{4})?\\b"),
    /** A time of day ({@code 06:06}, {@code 06:06:20.5}). */
    CLOCK(VariableShape::hasColonDigit, "\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?\\b"),
    /** An IPv4 address, with its port when present. */
    IP(".", "\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?\\b"),
    /** A dotted host name with a port. */
    HOST_PORT(VariableShape::hasColonDigit, "\\b[a-zA-Z0-9-]++(?:\\.[a-zA-Z0-9-]++)++:\\d{1,5}\\b"),
    /** A file path (segments may hold {@code %}-escapes; not right after {@code <}), or a Windows path. */
    PATH(s -> s.indexOf('/') >= 0 || s.indexOf('\\') >= 0,
            "(?<![\\w./<])(?:/[\\w.@~+*%-]++)++/?|(?<!\\w)[A-Za-z]:\\\\[^\\s,;]+"),
    /** A file path of segments without {@code %}, or a Windows path. */
    PATH_PLAIN(s -> s.indexOf('/') >= 0 || s.indexOf('\\') >= 0,
            "(?<![\\w./])(?:/[\\w.@~+*-]+)+/?|(?<![\\w])[A-Za-z]:\\\\[^\\s,;]+"),
    /** A quoted value of 1 to 64 characters without white space. */
    SHORT_QUOTED(s -> s.indexOf('\'') >= 0 || s.indexOf('"') >= 0, "'[^'\\s]{1,64}'|\"[^\"\\s]{1,64}\""),
    /** Any quoted text (in single quotes, not starting with white space). */
    QUOTED(s -> s.indexOf('\'') >= 0 || s.indexOf('"') >= 0, "'[^'\\s][^']*'|\"[^\"]*\""),
    /** A {@code 0x} hex number. */
    HEX(s -> s.indexOf('x') >= 0 || s.indexOf('X') >= 0, "\\b0[xX][0-9a-fA-F]+\\b"),
    /** A run of 8 or more hex digits holding both a digit and a letter (a hash, a block id). */
    HEX_ID(VariableShape::hasDigit, "\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b"),
    /** A size in parentheses, such as {@code (6.25 KB)}. */
    PARENTHESIZED_SIZE("(", "\\(\\s*\\d+(?:\\.\\d+)?\\s*(?:[KMGT]i?B|bytes|B)\\s*\\)"),
    /** A number with a unit of time or size, maybe after {@code <} ({@code 30 secs}, {@code 5ms}, {@code <5 ms}). */
    NUMBER_WITH_UNIT(VariableShape::hasDigit, "<?\\b\\d+(?:\\.\\d+)?\\s?"
            + "(?:ms|us|ns|secs?|seconds?|mins?|minutes?|hours?|[KMGT]i?B|B|bytes|[kmg]b)\\b"),
    /** A number with a one- or two-letter suffix of time or size ({@code 30s}, {@code 4G}). */
    NUMBER_WITH_SUFFIX(VariableShape::hasDigit, "\\b\\d+(?:\\.\\d+)?(?:ms|us|ns|s|m|h|d|[KMGT]i?B|[kmg]b|[KMG]|B)\\b");

    private final Predicate<String> mayMatch;
    private final Pattern pattern;

    VariableShape(String needs, String regex) {
        this(s -> s.contains(needs), regex);
    }

    VariableShape(Predicate<String> mayMatch, String regex) {
        this.mayMatch = mayMatch;
        this.pattern = Pattern.compile(regex);
    }

    /** False only when the text cannot hold this shape (then the expression is not run). */
    boolean mayMatch(String text) {
        return mayMatch.test(text);
    }

    /** The expression of this shape. */
    public Pattern pattern() {
        return pattern;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasColonDigit(String s) {
        for (int i = s.indexOf(':'); i >= 0 && i + 1 < s.length(); i = s.indexOf(':', i + 1)) {
            if (Character.isDigit(s.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }
}

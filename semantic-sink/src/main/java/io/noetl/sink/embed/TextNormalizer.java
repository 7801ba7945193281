package io.noetl.sink.embed;

import static io.noetl.schemas.text.VariableShape.CLOCK;
import static io.noetl.schemas.text.VariableShape.DATE_TIME;
import static io.noetl.schemas.text.VariableShape.EMAIL;
import static io.noetl.schemas.text.VariableShape.HEX;
import static io.noetl.schemas.text.VariableShape.HEX_ID;
import static io.noetl.schemas.text.VariableShape.HOST_PORT;
import static io.noetl.schemas.text.VariableShape.IP;
import static io.noetl.schemas.text.VariableShape.MAC;
import static io.noetl.schemas.text.VariableShape.PATH;
import static io.noetl.schemas.text.VariableShape.SHORT_QUOTED;
import static io.noetl.schemas.text.VariableShape.ULID;
import static io.noetl.schemas.text.VariableShape.URL;
import static io.noetl.schemas.text.VariableShape.UUID;

import io.noetl.schemas.text.VariableMasks;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns redacted error or log text into the canonical text that is embedded: values that vary from one occurrence
 * of the same error to the next (numbers, ids, hex, UUIDs, ULIDs, timestamps, IPs, host:port pairs, URLs, e-mails,
 * paths, short quoted values) become the placeholder {@value #PLACEHOLDER}, credential-looking assignments are
 * masked again as a second line of defence, white space is collapsed and the result is bounded. The shapes of
 * variables are the contracts' {@link VariableMasks}, shared with the topology's template miner.
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

    // Order matters: a longer, more specific shape is masked before the shapes it contains.
    private static final VariableMasks VARIABLES = VariableMasks.of(URL, EMAIL, UUID, ULID, DATE_TIME, CLOCK, MAC,
            IP, HOST_PORT, PATH, SHORT_QUOTED, HEX, HEX_ID);

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
        s = VARIABLES.replace(s, PLACEHOLDER);
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

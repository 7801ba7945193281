package io.noetl.topology.template;

import static io.noetl.schemas.text.VariableShape.CLOCK;
import static io.noetl.schemas.text.VariableShape.DATE_TIME_SECONDS;
import static io.noetl.schemas.text.VariableShape.EMAIL;
import static io.noetl.schemas.text.VariableShape.HEX;
import static io.noetl.schemas.text.VariableShape.HOST_PORT;
import static io.noetl.schemas.text.VariableShape.IP;
import static io.noetl.schemas.text.VariableShape.MAC;
import static io.noetl.schemas.text.VariableShape.NUMBER_WITH_SUFFIX;
import static io.noetl.schemas.text.VariableShape.NUMBER_WITH_UNIT;
import static io.noetl.schemas.text.VariableShape.PARENTHESIZED_SIZE;
import static io.noetl.schemas.text.VariableShape.PATH_PLAIN;
import static io.noetl.schemas.text.VariableShape.QUOTED;
import static io.noetl.schemas.text.VariableShape.SYSLOG_TIME;
import static io.noetl.schemas.text.VariableShape.ULID;
import static io.noetl.schemas.text.VariableShape.URL_LOOSE;
import static io.noetl.schemas.text.VariableShape.UUID;

import io.noetl.schemas.text.VariableMasks;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a message into tokens on whitespace, on the punctuation {@code = : , ( ) [ ] { } ;} and on dot leaders
 * ({@code ......}), keeping the punctuation as tokens of its own. Variable spans ({@link #VARIABLES}: URLs, e-mails,
 * MAC-like hex groups, UUIDs, ULIDs, timestamps, IPs with ports, host:port pairs, paths, quoted values, hex numbers,
 * durations and sizes) are never split; a token is a variable when it overlaps such a span or contains a digit
 * (except names such as {@code eth0} that end in a single digit).
 */
final class Tokenizer {

    /** Multi-character variables that plain tokenization would split or miss, in the order they are masked. */
    static final VariableMasks VARIABLES = VariableMasks.of(URL_LOOSE, EMAIL, MAC, UUID, ULID, DATE_TIME_SECONDS,
            SYSLOG_TIME, CLOCK, IP, HOST_PORT, PATH_PLAIN, QUOTED, HEX, PARENTHESIZED_SIZE, NUMBER_WITH_UNIT,
            NUMBER_WITH_SUFFIX);
    private static final String DELIMITERS = "=:,()[]{};";
    private static final Pattern NAMED_UNIT = Pattern.compile("[A-Za-z]{2,}\\d");
    private static final String OPENERS = "([{";
    private static final String CLOSERS = ")]}";

    private Tokenizer() {
    }

    /**
     * Tokenizes a message.
     *
     * @param message the raw message (null is treated as empty)
     * @return the tokens in order
     */
    static List<Token> tokenize(String message) {
        String text = message == null ? "" : message;
        boolean[] masked = VARIABLES.mask(text);
        List<Token> tokens = new ArrayList<>();
        int start = -1;
        boolean variable = false;
        boolean space = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean inSpan = i < text.length() && masked[i];
            boolean white = !inSpan && Character.isWhitespace(c);
            boolean leader = !inSpan && c == '.' && i + 1 < text.length() && text.charAt(i + 1) == '.';
            if (leader) {
                int end = i;
                while (end < text.length() && text.charAt(end) == '.' && !masked[end]) {
                    end++;
                }
                if (start >= 0) {
                    add(tokens, new Token(text.substring(start, i), variable, false, space));
                    start = -1;
                    space = false;
                }
                add(tokens, new Token(text.substring(i, end), false, true, space));
                space = false;
                i = end - 1;
                continue;
            }
            boolean delim = !inSpan && DELIMITERS.indexOf(c) >= 0;
            if (white || delim) {
                if (start >= 0) {
                    String word = text.substring(start, i);
                    add(tokens, new Token(word, variable && !isNamedUnit(word, masked, start), false, space));
                    start = -1;
                    space = false;
                }
                if (delim) {
                    add(tokens, new Token(String.valueOf(c), false, true, space));
                    space = false;
                } else {
                    space = true;
                }
                continue;
            }
            if (start < 0) {
                start = i;
                variable = false;
            }
            variable |= inSpan || Character.isDigit(c);
        }
        return tokens;
    }

    /**
     * True for names that end in a single digit, such as {@code eth0}, {@code alt0} or {@code ssh2}: interface, unit
     * and protocol names that stay constant in a template.
     */
    private static boolean isNamedUnit(String word, boolean[] masked, int start) {
        return NAMED_UNIT.matcher(word).matches() && !masked[start];
    }

    /**
     * Appends a token, folding a variable into a directly preceding variable (so a value spelled with spaces, such
     * as {@code 6409 bytes (6.25 KB)}, is one parameter) and giving an empty bracket pair an empty variable.
     */
    private static void add(List<Token> tokens, Token token) {
        Token last = tokens.isEmpty() ? null : tokens.getLast();
        if (last != null && last.variable() && token.variable()) {
            String sep = token.spaceBefore() ? " " : "";
            tokens.set(tokens.size() - 1, new Token(last.text() + sep + token.text(), true, false, last.spaceBefore()));
            return;
        }
        if (last != null && last.delimiter() && token.delimiter() && CLOSERS.indexOf(token.text().charAt(0)) >= 0
                && OPENERS.indexOf(last.text().charAt(0)) == CLOSERS.indexOf(token.text().charAt(0))) {
            tokens.add(new Token("", true, false, false));
        }
        tokens.add(token);
    }
}

package io.noetl.topology.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a message into tokens on whitespace, on the punctuation {@code = : , ( ) [ ] { } ;} and on dot leaders
 * ({@code ......}), keeping the punctuation as tokens of its own. Variable spans found by {@link VariableMasker} are
 * never split; a token is a variable when it overlaps such a span or contains a digit (except names such as
 * {@code eth0} that end in a single digit).
 */
final class Tokenizer {

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
        boolean[] masked = VariableMasker.mask(text);
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

package io.noetl.schemas.error;

import java.util.ArrayList;
import java.util.List;

/**
 * The literal text every match of a regular expression must contain, one per top-level alternative, so a rule can
 * be skipped with {@link String#contains} when none is in the text. Conservative: whatever it cannot read (classes,
 * groups, optional or repeated parts) only shortens a literal; an alternative without a literal of
 * {@value #MIN_LENGTH} characters or more makes the whole pattern unfilterable.
 */
final class Literals {

    static final int MIN_LENGTH = 3;

    private Literals() {
    }

    /** One required literal per alternative, or null when some alternative has none. */
    static List<String> required(String regex) {
        List<String> literals = new ArrayList<>();
        for (String alternative : alternatives(regex)) {
            String longest = longestLiteral(alternative);
            if (longest.length() < MIN_LENGTH) {
                return null;
            }
            literals.add(longest);
        }
        return literals;
    }

    private static List<String> alternatives(String regex) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char ch = regex.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (inClass) {
                inClass = ch != ']';
            } else if (ch == '[') {
                inClass = true;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == '|' && depth == 0) {
                out.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        out.add(regex.substring(start));
        return out;
    }

    private static String longestLiteral(String alt) {
        String best = "";
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < alt.length()) {
            char ch = alt.charAt(i);
            int next;
            Character literal = null;
            if (ch == '\\') {
                char e = i + 1 < alt.length() ? alt.charAt(i + 1) : 'd';
                literal = Character.isLetterOrDigit(e) ? null : e;
                next = i + 2;
            } else if (ch == '[') {
                next = skipClass(alt, i);
            } else if (ch == '(') {
                next = skipGroup(alt, i);
            } else if (".^$?*+{}|)".indexOf(ch) >= 0) {
                next = i + 1;
            } else {
                literal = ch;
                next = i + 1;
            }
            boolean optional = next < alt.length() && "?*{".indexOf(alt.charAt(next)) >= 0;
            boolean repeated = next < alt.length() && alt.charAt(next) == '+';
            if (literal != null && !optional) {
                run.append(literal);
            }
            if (literal == null || optional || repeated) {
                best = run.length() > best.length() ? run.toString() : best;
                run.setLength(0);
            }
            i = next;
        }
        return run.length() > best.length() ? run.toString() : best;
    }

    private static int skipClass(String s, int open) {
        int i = open + 1;
        while (i < s.length() && s.charAt(i) != ']') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int skipGroup(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '[') {
                i = skipClass(s, i) - 1;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return s.length();
    }
}

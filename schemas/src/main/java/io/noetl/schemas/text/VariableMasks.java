package io.noetl.schemas.text;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds the variable values of a message (ids, addresses, times, paths, quoted values...) as an ordered list of
 * {@link VariableShape}s. One list serves two uses: the spans that hold variables ({@link #mask}, for a tokenizer
 * that must not split them), or the text with each variable replaced by a placeholder ({@link #replace}, for text
 * that should read the same for every occurrence of one error). Order matters in both: a longer, more specific shape
 * comes before the shapes it contains. Immutable and thread-safe.
 */
public final class VariableMasks {

    private final List<VariableShape> shapes;

    private VariableMasks(List<VariableShape> shapes) {
        this.shapes = shapes;
    }

    /** Masks of these shapes, tried in this order. */
    public static VariableMasks of(VariableShape... shapes) {
        return new VariableMasks(List.of(shapes));
    }

    /** The shapes, in the order they are tried. */
    public List<VariableShape> shapes() {
        return shapes;
    }

    /**
     * Marks the characters of {@code text} that belong to a variable. Every shape is matched against the whole text;
     * a match overlapping an earlier one (of this or an earlier shape) is skipped.
     *
     * @param text the text (not null)
     * @return one flag per character, true inside a variable
     */
    public boolean[] mask(String text) {
        boolean[] masked = new boolean[text.length()];
        for (VariableShape shape : shapes) {
            if (!shape.mayMatch(text)) {
                continue;
            }
            Matcher m = shape.pattern().matcher(text);
            while (m.find()) {
                if (m.end() > m.start() && !overlaps(masked, m.start(), m.end())) {
                    Arrays.fill(masked, m.start(), m.end(), true);
                }
            }
        }
        return masked;
    }

    /**
     * Replaces every variable by {@code placeholder}, shape after shape: each shape sees the text as the shapes before
     * it left it.
     *
     * @param text        the text (not null)
     * @param placeholder what a variable becomes (taken literally)
     */
    public String replace(String text, String placeholder) {
        String replacement = Matcher.quoteReplacement(placeholder);
        String s = text;
        for (VariableShape shape : shapes) {
            if (shape.mayMatch(s)) {
                s = shape.pattern().matcher(s).replaceAll(replacement);
            }
        }
        return s;
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

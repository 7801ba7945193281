package io.noetl.schemas.playbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems (and warnings) found while reading one playbook, and the YAML line of every dotted path
 * ({@code workflow[2].next[0].step}) so each problem can say where it is.
 */
final class Diagnostics {

    /** How the document itself is named in a {@link Problem}. */
    static final String ROOT = "$";

    private final Map<String, Integer> lines = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    void recordLine(String path, int line) {
        lines.putIfAbsent(path, line);
    }

    /** The line of {@code path}, or of its nearest ancestor that has one (a missing field points at its parent). */
    int line(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
            p = parent(p);
        }
    }

    void add(String path, String message) {
        add(path, line(path), message);
    }

    void add(String path, int line, String message) {
        problems.add(new Problem(path.isEmpty() ? ROOT : path, line, message));
    }

    /** Something that does not stop the playbook from registering but that the author should hear about. */
    void warn(String path, String message) {
        warnings.add(new Problem(path.isEmpty() ? ROOT : path, line(path), message));
    }

    /** Every warning, ordered by line like {@link #problems()}. */
    List<Problem> warnings() {
        return sorted(warnings);
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Every problem, ordered by line (problems without a line last), in discovery order within a line. */
    List<Problem> problems() {
        return sorted(problems);
    }

    private static List<Problem> sorted(List<Problem> list) {
        List<Problem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt(p -> p.line() > 0 ? p.line() : Integer.MAX_VALUE));
        return sorted;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}

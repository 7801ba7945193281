package io.noetl.app.compat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One playbook file found under a folder: its text as sent to the server, and its YAML as plain values for the
 * checks made on this side.
 *
 * @param file the file, as found under the folder given on the command line
 * @param yaml the text, sent to the server unchanged
 * @param tree the first YAML document as plain values, or an empty map when the text is not YAML the checks can read
 *             (the server still judges it)
 */
public record PlaybookFile(Path file, String yaml, Map<String, Object> tree) {

    public PlaybookFile {
        tree = tree == null ? Map.of() : tree;
    }

    /** {@code metadata.path}, falling back to {@code metadata.name} (the catalog's identity), or null. */
    public String catalogPath() {
        Object metadata = tree.get("metadata");
        if (metadata instanceof Map<?, ?> m) {
            Object path = m.get("path") != null ? m.get("path") : m.get("name");
            return path == null ? null : normalize(String.valueOf(path));
        }
        return null;
    }

    /** The playbook's own default workload ({@code workload:}), or an empty map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> workload() {
        return tree.get("workload") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The steps ({@code workflow:}), or an empty list. */
    public List<?> workflow() {
        return tree.get("workflow") instanceof List<?> l ? l : List.of();
    }

    /** A playbook path as written in a reference ({@code /vars_test/api_test}) in the catalog's spelling. */
    static String normalize(String path) {
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }
}

package io.noetl.schemas.playbook;

/**
 * One thing wrong with a playbook.
 *
 * @param path    where, as a dotted path ({@code workflow[2].next[0].step})
 * @param line    1-based YAML line, or 0 when unknown
 * @param message what is wrong
 */
public record Problem(String path, int line, String message) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + path + ": " + message;
    }
}

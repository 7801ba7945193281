package io.noetl.app.compat;

/**
 * Something a playbook needs from outside this machine, found by reading it.
 *
 * @param reason what kind of thing, the same words for every playbook that needs it (counted per reason), e.g.
 *               {@code tool kind postgres}, {@code http to a remote host}
 * @param detail where and what exactly, e.g. {@code step fetch: http to api.github.com}
 */
public record Dependency(String reason, String detail) {

    static Dependency at(String where, String reason, String what) {
        return new Dependency(reason, where + ": " + what);
    }
}

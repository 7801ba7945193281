package io.noetl.server.it;

/** Playbooks the server ITs register. */
final class Playbooks {

    private Playbooks() {
    }

    static String header(String name, String path) {
        return """
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata:
                  name: %s
                  path: %s
                """.formatted(name, path);
    }

    /** start → s1 → s2 → … → sN, every sN a noop tool run by a worker. */
    static String linear(String path, int steps) {
        StringBuilder y = new StringBuilder(header("linear", path)).append("workflow:\n");
        y.append("  - step: start\n    next:\n      - step: s1\n");
        for (int i = 1; i <= steps; i++) {
            y.append("  - step: s").append(i).append("\n    tool:\n      kind: noop\n");
            if (i < steps) {
                y.append("    next:\n      - step: s").append(i + 1).append('\n');
            }
        }
        return y.toString();
    }

    /** A step that waits for a decision; approve goes on to {@code done}, anything else ends the branch. */
    static String approval(String path) {
        return header("approval", path) + """
                workflow:
                  - step: start
                    next:
                      - step: review
                  - step: review
                    tool:
                      kind: noop
                    spec:
                      wait: decision
                    next:
                      - step: done
                        when: "{{ review.action == 'approve' }}"
                  - step: done
                    tool:
                      kind: noop
                """;
    }

    /** start → child (a {@code playbook} step running {@code childPath}) → after. */
    static String parent(String path, String childPath) {
        return header("parent", path) + """
                workflow:
                  - step: start
                    next:
                      - step: child
                  - step: child
                    tool:
                      kind: playbook
                      path: %s
                    next:
                      - step: after
                  - step: after
                    tool:
                      kind: noop
                """.formatted(childPath);
    }
}

package io.noetl.app.bench;

/** The benchmark's playbook: a chain of {@code noop} steps, so the figures measure the engine, not tools. */
final class BenchPlaybook {

    private BenchPlaybook() {
    }

    static String path(int steps) {
        return "bench/noop_chain_" + steps;
    }

    static String yaml(int steps) {
        StringBuilder sb = new StringBuilder()
                .append("apiVersion: noetl.io/v2\n")
                .append("kind: Playbook\n")
                .append("metadata:\n")
                .append("  name: noop_chain_").append(steps).append('\n')
                .append("  path: ").append(path(steps)).append('\n')
                .append("  description: ").append(steps).append(" noop steps in a chain (engine benchmark)\n")
                .append("workflow:\n");
        for (int i = 1; i <= steps; i++) {
            sb.append("  - step: ").append(i == 1 ? "start" : "s" + i).append('\n')
                    .append("    tool:\n")
                    .append("      kind: noop\n");
            if (i < steps) {
                sb.append("    next:\n")
                        .append("      - step: s").append(i + 1).append('\n');
            }
        }
        return sb.toString();
    }
}

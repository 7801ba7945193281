package io.noetl.app.insight;

import java.util.List;

/** Playbook YAML for the scenarios: a chain of steps after {@code start}, and the tool blocks they use. */
final class Playbooks {

    /** Path prefix of every scenario playbook. */
    static final String PREFIX = "diagnosis/";

    private Playbooks() {
    }

    /**
     * One step: its name and the YAML under it ({@code tool:}, {@code spec:}, {@code retry:}, ...), unindented.
     * A body without its own {@code next:} is chained to the following step.
     */
    record Step(String name, String body) {

        Step spec(String specYaml) {
            return new Step(name, body + "spec:\n" + indent(specYaml, 2));
        }

        Step retry(int attempts) {
            return new Step(name, body + "retry:\n  max_attempts: " + attempts + "\n  backoff: fixed\n  delay: 100ms\n");
        }
    }

    static Step step(String name, String toolYaml) {
        return new Step(name, toolYaml);
    }

    /** A playbook named {@code name} running {@code steps} in order after {@code start}. */
    static String chain(String name, Step... steps) {
        StringBuilder sb = new StringBuilder()
                .append("apiVersion: noetl.io/v2\nkind: Playbook\nmetadata:\n")
                .append("  name: ").append(name).append('\n')
                .append("  path: ").append(PREFIX).append(name).append('\n')
                .append("workflow:\n  - step: start\n    next:\n      - step: ").append(steps[0].name()).append('\n');
        List<Step> list = List.of(steps);
        for (int i = 0; i < list.size(); i++) {
            Step s = list.get(i);
            sb.append("  - step: ").append(s.name()).append('\n').append(indent(s.body(), 4));
            if (i + 1 < list.size() && !s.body().contains("\nnext:") && !s.body().startsWith("next:")) {
                sb.append("    next:\n      - step: ").append(list.get(i + 1).name()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The usual shape: a preparing step, the step under test, a step after it that never runs. */
    static String around(String name, Step failing) {
        return chain(name, step("prepare", python("result = {\"run_date\": \"2024-07-01\", \"batch\": 7}")), failing,
                step("publish", noop()));
    }

    static String python(String code) {
        return "tool:\n  kind: python\n  code: |\n" + indent(code, 4);
    }

    static String shell(String command) {
        return "tool:\n  kind: shell\n  command: |\n" + indent(command, 4);
    }

    static String http(String method, String url) {
        return "tool:\n  kind: http\n  method: " + method + "\n  url: \"" + url + "\"\n";
    }

    /** A GET of this scenario's fake API route. */
    static String route(String name) {
        return http("GET", "{{ workload.api }}/r/" + name);
    }

    static String postgres(String connection, String sql) {
        return "tool:\n  kind: postgres\n  connection: \"{{ workload." + connection + " }}\"\n  command: |\n"
                + indent(sql, 4);
    }

    static String duckdb(String sql) {
        return "tool:\n  kind: duckdb\n  command: |\n" + indent(sql, 4);
    }

    static String noop() {
        return "tool:\n  kind: noop\n";
    }

    static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append(pad).append(line);
            }
            sb.append('\n');
        }
        String out = sb.toString();
        while (out.endsWith("\n\n")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}

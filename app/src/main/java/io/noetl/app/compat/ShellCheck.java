package io.noetl.app.compat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shell commands that reach outside this machine: cluster and cloud tools (kubectl, gcloud, aws, docker, helm, ...),
 * database clients, and downloads from remote hosts.
 */
final class ShellCheck {

    private static final Set<String> CLUSTER_TOOLS = Set.of("kubectl", "gcloud", "gsutil", "bq", "aws", "az",
            "docker", "docker-compose", "podman", "helm", "kind", "minikube", "k3d", "kustomize", "skaffold",
            "terraform", "pulumi", "psql", "pg_dump", "pg_restore", "mysql", "snowsql", "redis-cli", "nats", "ssh",
            "scp", "sftp", "rsync", "gh", "flyctl", "heroku");
    private static final Set<String> DOWNLOADERS = Set.of("curl", "wget", "http", "git");
    /** Words that may stand before the command itself. */
    private static final Set<String> PREFIXES = Set.of("sudo", "exec", "time", "nohup", "env", "then", "do", "else",
            "if", "elif", "while", "until", "!", "{", "(", "command", "xargs", "timeout");
    private static final Pattern SEGMENT = Pattern.compile("[;&|\\n(`]|\\$\\(");

    private ShellCheck() {
    }

    /** What a shell tool needs from outside: its commands ({@code cmds}, {@code command}, {@code script}). */
    static List<Dependency> shell(String where, Map<?, ?> tool, WorkloadTemplate workload) {
        String script = workload.render(Texts.joined(tool, "cmds", "command", "commands", "script"));
        List<Dependency> out = new ArrayList<>();
        for (String command : commands(script)) {
            if (CLUSTER_TOOLS.contains(command)) {
                out.add(Dependency.at(where, "shell runs " + command, "shell runs " + command));
            }
        }
        Set<String> remote = Hosts.remote(script);
        if (!remote.isEmpty() && commands(script).stream().anyMatch(DOWNLOADERS::contains)) {
            out.add(Dependency.at(where, "shell downloads from a remote host",
                    "shell calls " + String.join(", ", remote)));
        }
        return out;
    }

    /** The command names of a script: the first word of every simple command, past env assignments and prefixes. */
    static Set<String> commands(String script) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : script.split("\n")) {
            String code = stripComment(line);
            for (String segment : SEGMENT.split(code)) {
                String command = firstWord(segment);
                if (command != null) {
                    out.add(command);
                }
            }
        }
        return out;
    }

    private static String firstWord(String segment) {
        for (String word : segment.strip().split("\\s+")) {
            if (word.isEmpty() || PREFIXES.contains(word) || word.matches("[A-Za-z_][A-Za-z0-9_]*=.*")
                    || word.startsWith("-")) {
                continue;
            }
            String name = word.replaceAll("^[\"'{(]+|[\"';)}]+$", "");
            int slash = name.lastIndexOf('/');
            return slash >= 0 ? name.substring(slash + 1) : name;
        }
        return null;
    }

    private static String stripComment(String line) {
        String t = line.strip();
        return t.startsWith("#") ? "" : line;
    }
}

package io.noetl.app.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one tool needs from outside this machine, by its kind. Local kinds: python, duckdb, noop, shell, http to this
 * machine, nats without a credential, and playbook/workbook, which {@link SelfContainment} follows. Every other kind
 * (postgres, snowflake, container, ...) names a service elsewhere.
 */
final class ToolCheck {

    /** Kinds of storage named inside a tool (a script's source, an output store) that live elsewhere. */
    private static final Set<String> REMOTE_STORES = Set.of("gcs", "s3", "azure", "postgres", "snowflake", "ducklake",
            "kafka", "pubsub", "bigquery", "mysql", "container");

    private ToolCheck() {
    }

    /**
     * @param where    {@code step fetch} (with the task's name for a task of a list)
     * @param kind     the tool's kind, lower case
     * @param workload renders workload templates in hosts
     */
    static List<Dependency> local(String where, String kind, Map<?, ?> tool, WorkloadTemplate workload) {
        List<Dependency> out = new ArrayList<>();
        switch (kind) {
            case "python" -> out.addAll(CodeCheck.python(where, tool));
            case "duckdb" -> out.addAll(SqlCheck.duckdb(where, tool, workload));
            case "shell" -> out.addAll(ShellCheck.shell(where, tool, workload));
            case "http" -> out.addAll(http(where, tool, workload));
            case "noop", "nats" -> {
            }
            default -> {
                out.add(Dependency.at(where, "tool kind " + kind, "tool kind " + kind));
                return out;
            }
        }
        credential(where, tool).ifPresent(out::add);
        out.addAll(nestedStores(where, tool, workload));
        return out;
    }

    /** An http tool is local when its URL, rendered with the workload, names this machine. */
    private static List<Dependency> http(String where, Map<?, ?> tool, WorkloadTemplate workload) {
        String url = firstText(tool, "url", "endpoint", "base_url");
        if (url == null && tool.get("spec") instanceof Map<?, ?> spec) {
            url = firstText(spec, "url", "endpoint", "base_url");
        }
        if (url == null) {
            return List.of(Dependency.at(where, "http to a host known only at run time", "http without a url"));
        }
        String host = Hosts.hostOf(workload.render(url));
        if (host == null || WorkloadTemplate.unresolved(host)) {
            return List.of(Dependency.at(where, "http to a host known only at run time", "http to " + url));
        }
        return Hosts.staysHere(host) ? List.of()
                : List.of(Dependency.at(where, "http to a remote host", "http to " + host));
    }

    /** A tool's {@code auth}/{@code credential} not taken from the playbook's keychain names a stored credential. */
    private static Optional<Dependency> credential(String where, Map<?, ?> tool) {
        for (String key : List.of("auth", "credential", "credentials")) {
            Object value = tool.get(key);
            if (value != null && Texts.all(value).stream().noneMatch(t -> t.contains("keychain."))) {
                return Optional.of(Dependency.at(where, "credential from NoETL's credential store",
                        key + ": " + Texts.all(value).stream().findFirst().orElse("?")));
            }
        }
        return Optional.empty();
    }

    /** Maps inside the tool that name remote storage by {@code kind}/{@code type} (a script's source, a store). */
    private static List<Dependency> nestedStores(String where, Map<?, ?> tool, WorkloadTemplate workload) {
        List<Dependency> out = new ArrayList<>();
        tool.forEach((key, value) -> {
            if (!"code".equals(key) && value instanceof Map<?, ?> nested) {
                walk(where, String.valueOf(key), nested, workload, out);
            }
        });
        return out;
    }

    private static void walk(String where, String key, Map<?, ?> map, WorkloadTemplate workload, List<Dependency> out) {
        Object kind = map.get("kind") != null ? map.get("kind") : map.get("type");
        String k = kind == null ? "" : String.valueOf(kind).toLowerCase(Locale.ROOT);
        if (REMOTE_STORES.contains(k)) {
            out.add(Dependency.at(where, key + " in " + k, key + " in " + k));
        } else if ("http".equals(k)) {
            String url = firstText(map, "url", "uri", "endpoint");
            String host = url == null ? null : Hosts.hostOf(workload.render(url));
            if (host != null && !WorkloadTemplate.unresolved(host) && !Hosts.staysHere(host)) {
                out.add(Dependency.at(where, key + " over http from a remote host", key + " from " + host));
            }
        }
        map.forEach((childKey, value) -> {
            if (value instanceof Map<?, ?> child) {
                walk(where, String.valueOf(childKey), child, workload, out);
            }
        });
    }

    private static String firstText(Map<?, ?> map, String... keys) {
        for (String key : keys) {
            String text = Texts.text(map, key);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }
}

package io.noetl.insights.generate;

import io.noetl.insights.generate.Action.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tool of a composed step, with placeholders the user fills in: URLs and file paths go to {@code workload},
 * database credentials to a {@code keychain} entry read from the worker's environment (never a value).
 */
final class ToolSketches {

    /** The keychain entry of the PostgreSQL connection. */
    static final String PG_KEY = "pg";
    /** The worker's environment variable holding the PostgreSQL URL. */
    static final String PG_ENV = "NOETL_PG_URL";

    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:into|to|in)\\s+(?:the\\s+)?([a-z][a-z0-9_]*)");
    private static final List<String> NOT_TABLES = List.of("postgres", "postgresql", "duckdb", "database", "db",
            "table", "a", "it");

    final Map<String, Object> workload = new LinkedHashMap<>();
    private final boolean postgres;
    private boolean usesPostgres;

    /** @param postgres SQL steps run on PostgreSQL (else DuckDB) */
    ToolSketches(boolean postgres) {
        this.postgres = postgres;
    }

    boolean usesPostgres() {
        return usesPostgres;
    }

    /** @return the tool mapping, or null for a decision step (it waits without a tool) */
    Map<String, Object> tool(Kind kind, String step, String words, String metric) {
        return switch (kind) {
            case FETCH -> http("GET", step, workloadUrl(step + "_url", "https://example.com/api/" + step), null);
            case NOTIFY -> http("POST", step, workloadUrl(step + "_url", "https://example.com/hooks/" + step),
                    ordered("execution_id", "{{ execution_id }}", "message", words));
            case QUERY -> sql(step, "SELECT 1 AS placeholder -- " + words, null);
            case LOAD -> sql(step, null, table(words));
            case COMPUTE -> python(words, metric);
            case SHELL -> ordered("kind", "shell", "command", "echo " + step);
            case DECISION -> null;
        };
    }

    /** A python step's tool for a step drawn from another playbook (its own settings are not copied). */
    Map<String, Object> placeholder(String toolKind, String step) {
        return switch (toolKind) {
            case "http" -> tool(Kind.FETCH, step, step, null);
            case "postgres", "duckdb" -> sql(step, "SELECT 1 AS placeholder -- " + step, null);
            case "shell" -> tool(Kind.SHELL, step, step, null);
            default -> python(step, null);
        };
    }

    private Map<String, Object> http(String method, String step, String url, Map<String, Object> body) {
        Map<String, Object> tool = ordered("kind", "http", "method", method, "url", url);
        if (body != null) {
            tool.put("headers", ordered("Content-Type", "application/json"));
            tool.put("body", body);
        }
        return tool;
    }

    private Map<String, Object> sql(String step, String command, String table) {
        Map<String, Object> tool;
        if (postgres) {
            usesPostgres = true;
            tool = ordered("kind", "postgres", "connection", "{{ keychain." + PG_KEY + " }}");
        } else {
            workload.putIfAbsent("duckdb_path", ".noetl/data/generated.duckdb");
            tool = ordered("kind", "duckdb", "database", "{{ workload.duckdb_path }}");
        }
        if (table != null) {
            tool.put("table", table);
            tool.put("data", ordered("execution_id", "{{ execution_id }}", "step", step, "loaded_at", "{{ now() }}"));
        } else {
            tool.put("command", command);
        }
        return tool;
    }

    private static Map<String, Object> python(String words, String metric) {
        return ordered("kind", "python", "code", code(words, metric == null ? List.of() : List.of(metric)));
    }

    /** Python that states what to do and returns the fields later steps read (placeholders of 1.0). */
    static String code(String words, List<String> metrics) {
        StringBuilder fields = new StringBuilder();
        for (String m : metrics) {
            fields.append(fields.isEmpty() ? "" : ", ").append('"').append(m).append("\": 1.0");
        }
        return "# placeholder: " + words + "\nresult = {" + (fields.isEmpty() ? "\"ok\": True" : fields) + "}\n";
    }

    private String workloadUrl(String key, String url) {
        workload.putIfAbsent(key, url);
        return "{{ workload." + key + " }}";
    }

    /** The table a load names ("into orders", "to the warehouse"), else {@code loaded_rows}. */
    private static String table(String words) {
        Matcher m = TABLE.matcher(words);
        while (m.find()) {
            String t = m.group(1).toLowerCase(Locale.ROOT);
            if (!NOT_TABLES.contains(t)) {
                return t;
            }
        }
        return "loaded_rows";
    }

    /** @return a mutable map of these keys and values, in this order */
    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

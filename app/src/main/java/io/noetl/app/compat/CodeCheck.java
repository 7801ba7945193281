package io.noetl.app.compat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python code that reaches outside this machine: it imports (or uses without importing, as NoETL's runner allows)
 * a network or cloud client, or NoETL's own worker runtime (its credential store).
 */
final class CodeCheck {

    /** Module prefixes that open connections to other machines. */
    private static final List<String> NETWORK = List.of("urllib.request", "urllib3", "requests", "httpx", "aiohttp",
            "http.client", "socket", "websocket", "websockets", "psycopg", "psycopg2", "asyncpg", "pymysql", "mysql",
            "pymongo", "snowflake", "boto3", "botocore", "google.cloud", "google.auth", "googleapiclient", "azure",
            "kubernetes", "nats", "redis", "pika", "kafka", "confluent_kafka", "smtplib", "ftplib", "paramiko",
            "openai", "anthropic", "noetl");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+(?:\\s*,\\s*[\\w.]+)*)");
    private static final Pattern FROM = Pattern.compile("(?m)^\\s*from\\s+([\\w.]+)\\s+import\\s+\\(?([\\w\\s,*]+)");
    private static final Pattern DYNAMIC = Pattern.compile("__import__\\(\\s*[\"']([\\w.]+)");
    private static final Pattern USE = Pattern.compile(
            "(?<![\\w.])(httpx|requests|urllib\\.request|psycopg2?|socket|boto3|asyncpg)\\.\\w+\\s*\\(");

    private CodeCheck() {
    }

    /** What a python tool needs from outside: the network modules its code, script and {@code libs} name. */
    static List<Dependency> python(String where, Map<?, ?> tool) {
        Set<String> modules = new LinkedHashSet<>();
        String code = Texts.joined(tool, "code", "script");
        if (tool.get("spec") instanceof Map<?, ?> spec) {
            code = code + "\n" + Texts.joined(spec, "code");
        }
        modules.addAll(modules(code));
        modules.addAll(libs(tool.get("libs")));
        Map<String, String> byPrefix = new LinkedHashMap<>();
        modules.forEach(module -> network(module).ifPresent(prefix -> byPrefix.putIfAbsent(prefix, module)));
        List<Dependency> out = new ArrayList<>();
        byPrefix.forEach((prefix, module) -> out.add(Dependency.at(where,
                prefix.equals("noetl") ? "python imports NoETL's worker runtime (noetl.*)"
                        : "python network client " + prefix,
                "python uses " + module)));
        return out;
    }

    /** Modules named by imports and by calls on well-known client modules. */
    static Set<String> modules(String code) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            for (String name : m.group(1).split(",")) {
                out.add(name.strip());
            }
        }
        m = FROM.matcher(code);
        while (m.find()) {
            out.add(m.group(1));
            for (String name : m.group(2).split(",")) {
                String n = name.strip().split("\\s+")[0];
                if (!n.isEmpty() && !n.equals("*")) {
                    out.add(m.group(1) + "." + n);
                }
            }
        }
        m = DYNAMIC.matcher(code);
        while (m.find()) {
            out.add(m.group(1));
        }
        m = USE.matcher(code);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Modules of NoETL's {@code libs:} ({@code alias: module} or {@code alias: {from, import}}). */
    private static Set<String> libs(Object libs) {
        Set<String> out = new LinkedHashSet<>();
        if (libs instanceof Map<?, ?> map) {
            map.forEach((alias, spec) -> {
                if (spec instanceof Map<?, ?> s && s.get("from") != null) {
                    out.add(s.get("from") + (s.get("import") == null ? "" : "." + s.get("import")));
                } else {
                    out.add(String.valueOf(spec == null ? alias : spec));
                }
            });
        } else if (libs instanceof List<?> list) {
            list.forEach(l -> out.add(String.valueOf(l)));
        }
        return out;
    }

    private static Optional<String> network(String module) {
        return NETWORK.stream().filter(p -> module.equals(p) || module.startsWith(p + ".")).findFirst();
    }
}

package io.noetl.app.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB SQL that reaches outside this machine: remote file systems (httpfs, {@code gs://}, {@code s3://}), attached
 * databases of other engines, URLs of remote hosts.
 */
final class SqlCheck {

    private static final Pattern REMOTE_FILES = Pattern.compile("\\b(gs|gcs|s3|s3a|r2|az|azure|abfss|hf)://",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTACHED = Pattern.compile(
            "\\bTYPE\\s+(postgres|mysql|sqlite_scanner|ducklake|motherduck)\\b|\\b(postgres|mysql)_(?:scan|attach|query)\\b"
                    + "|\\bmd:", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTENSION = Pattern.compile("\\b(?:INSTALL|LOAD)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> REMOTE_EXTENSIONS = Set.of("httpfs", "postgres", "postgres_scanner", "mysql",
            "mysql_scanner", "aws", "azure", "motherduck", "ducklake", "iceberg", "delta");

    private SqlCheck() {
    }

    /** What a duckdb tool needs from outside, read from its SQL ({@code query}, {@code command(s)}, {@code sql}). */
    static List<Dependency> duckdb(String where, Map<?, ?> tool, WorkloadTemplate workload) {
        String sql = workload.render(Texts.joined(tool, "query", "command", "commands", "sql", "script"));
        List<Dependency> out = new ArrayList<>();
        Matcher files = REMOTE_FILES.matcher(sql);
        if (files.find()) {
            out.add(Dependency.at(where, "duckdb reads or writes remote storage",
                    "duckdb uses " + files.group(1).toLowerCase(Locale.ROOT) + "://"));
        }
        Matcher attached = ATTACHED.matcher(sql);
        if (attached.find()) {
            out.add(Dependency.at(where, "duckdb attaches another database", "duckdb attaches " + attached.group()));
        }
        Matcher extension = EXTENSION.matcher(sql);
        while (extension.find()) {
            String name = extension.group(1).toLowerCase(Locale.ROOT);
            if (REMOTE_EXTENSIONS.contains(name)) {
                out.add(Dependency.at(where, "duckdb extension " + name, "duckdb loads " + name));
                break;
            }
        }
        for (String host : Hosts.remote(sql)) {
            out.add(Dependency.at(where, "duckdb reads from a remote host", "duckdb reads from " + host));
        }
        return out;
    }
}

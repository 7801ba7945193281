package io.noetl.worker.tool.transfer;

import io.noetl.worker.tool.ToolCall;
import io.noetl.worker.tool.duckdb.DuckDbFiles;
import io.noetl.worker.tool.postgres.PgConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One side of a transfer: its {@code type} ({@code tool} and {@code kind} are accepted too) and settings. A
 * PostgreSQL side connects through {@code connection} or {@code auth}; a DuckDB side opens {@code connection} (or
 * {@code database}), a file path, in-memory when absent.
 */
record Endpoint(String role, String type, Map<String, Object> config) {

    static final Set<String> SOURCES = Set.of("postgres", "duckdb", "http");
    static final Set<String> TARGETS = Set.of("postgres", "duckdb");

    @SuppressWarnings("unchecked")
    static Endpoint of(Object value, String role) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("transfer needs '" + role + "' (a mapping with 'type')");
        }
        Object type = m.get("type") != null ? m.get("type") : m.get("tool") != null ? m.get("tool") : m.get("kind");
        if (type == null) {
            throw new IllegalArgumentException("transfer " + role + " needs 'type' (postgres, duckdb"
                    + ("source".equals(role) ? ", http)" : ")"));
        }
        return new Endpoint(role, String.valueOf(type).trim().toLowerCase(Locale.ROOT), (Map<String, Object>) m);
    }

    boolean supported() {
        return ("source".equals(role) ? SOURCES : TARGETS).contains(type);
    }

    Object database() {
        return config.get("connection") != null ? config.get("connection") : config.get("database");
    }

    /** A database connection (PostgreSQL or DuckDB); the DuckDB file stays locked until the connection closes. */
    AutoCloseable open(ToolCall call, Holder holder) throws SQLException, InterruptedException {
        if ("postgres".equals(type)) {
            Connection c = PgConnections.open(PgConnections.target(config, call));
            holder.connection = c;
            return c;
        }
        DuckDbFiles.Open db = DuckDbFiles.open(database());
        holder.connection = db.connection();
        return db;
    }

    /** Where an opened connection is handed back. */
    static final class Holder {
        Connection connection;
    }
}

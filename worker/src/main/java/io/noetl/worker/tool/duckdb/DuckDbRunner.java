package io.noetl.worker.tool.duckdb;

import io.noetl.worker.tool.ToolCall;
import io.noetl.worker.tool.ToolOutcome;
import io.noetl.worker.tool.ToolRunner;
import io.noetl.worker.tool.jdbc.SqlDialect;
import io.noetl.worker.tool.jdbc.SqlErrors;
import io.noetl.worker.tool.jdbc.SqlTool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code duckdb} tool: {@code database} (a file path; in-memory when absent), then {@code command} or
 * {@code table} + {@code data}. DuckDB lets one process open a file once at a time, so access to each file is
 * serialized.
 */
public final class DuckDbRunner implements ToolRunner {

    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private static final SqlDialect DIALECT = new SqlDialect() {
        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            ps.setObject(index, value);
        }

        @Override
        public boolean tableExists(Connection c, String schema, String table) throws SQLException {
            String sql = "SELECT count(*) FROM information_schema.tables WHERE table_name = ?"
                    + (schema == null ? "" : " AND table_schema = ?");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, table);
                if (schema != null) {
                    ps.setString(2, schema);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getLong(1) > 0;
                }
            }
        }
    };

    @Override
    public String kind() {
        return "duckdb";
    }

    @Override
    public ToolOutcome run(ToolCall call) throws InterruptedException {
        Object database = call.config().get("database");
        String path = database == null || String.valueOf(database).isBlank() || ":memory:".equals(database)
                ? null : Path.of(String.valueOf(database)).toAbsolutePath().normalize().toString();
        ReentrantLock lock = path == null ? new ReentrantLock() : LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
        lock.lockInterruptibly();
        try (Connection c = DriverManager.getConnection(path == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + path)) {
            return SqlTool.run(c, call, DIALECT);
        } catch (SQLException e) {
            return call.stopped(null).map(ToolOutcome.class::cast)
                    .orElseGet(() -> SqlErrors.classify("duckdb " + call.command().step(), e));
        } catch (IllegalArgumentException e) {
            return ToolOutcome.Failed.fatal("ConfigError", e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}

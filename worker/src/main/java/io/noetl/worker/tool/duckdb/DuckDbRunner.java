package io.noetl.worker.tool.duckdb;

import io.noetl.worker.tool.ToolCall;
import io.noetl.worker.tool.ToolOutcome;
import io.noetl.worker.tool.ToolRunner;
import io.noetl.worker.tool.jdbc.SqlDialect;
import io.noetl.worker.tool.jdbc.SqlErrors;
import io.noetl.worker.tool.jdbc.SqlTool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code duckdb} tool: {@code database} (a file path; in-memory when absent), then {@code command} or
 * {@code table} + {@code data} (see {@link DuckDbFiles} for how files are shared).
 */
public final class DuckDbRunner implements ToolRunner {

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
        try (DuckDbFiles.Open db = DuckDbFiles.open(call.config().get("database"))) {
            return SqlTool.run(db.connection(), call, DIALECT);
        } catch (SQLException e) {
            return call.stopped(null).map(ToolOutcome.class::cast)
                    .orElseGet(() -> SqlErrors.classify("duckdb " + call.command().step(), e));
        } catch (IllegalArgumentException e) {
            return ToolOutcome.Failed.fatal("ConfigError", e.getMessage());
        }
    }
}

package io.noetl.worker.tool.postgres;

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
import java.sql.Types;
import org.postgresql.util.PSQLException;

/**
 * The {@code postgres} tool: {@code connection} (rendered, e.g. {@code {{ keychain.pg }}}; when absent, the credential
 * named by {@code auth}, else the first keychain entry of kind {@code postgres}), then SQL or {@code table} +
 * {@code data} (see {@link SqlTool}).
 */
public final class PostgresRunner implements ToolRunner {

    private static final SqlDialect DIALECT = new SqlDialect() {
        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.NULL);
            } else {
                // untyped parameter: the server casts it to the column's type (TEXT, INT, TIMESTAMP, ...)
                ps.setObject(index, String.valueOf(value), Types.OTHER);
            }
        }

        @Override
        public boolean tableExists(Connection c, String schema, String table) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                ps.setString(1, (schema == null ? "" : "\"" + schema + "\".") + "\"" + table + "\"");
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        }
    };

    @Override
    public String kind() {
        return "postgres";
    }

    @Override
    public ToolOutcome run(ToolCall call) throws InterruptedException {
        Connection connection;
        try {
            connection = PgConnections.open(PgConnections.target(call.config(), call));
        } catch (IllegalArgumentException e) {
            return ToolOutcome.Failed.fatal("ConfigError", e.getMessage());
        } catch (SQLException e) {
            return SqlErrors.classify("connect to postgres", e);
        }
        try (connection) {
            call.cancellation().onCancel(() -> abortQuietly(connection));
            return SqlTool.run(connection, call, DIALECT);
        } catch (SQLException e) {
            return call.stopped(null).map(ToolOutcome.class::cast)
                    .orElseGet(() -> SqlErrors.classify("postgres " + call.command().step(), e));
        } catch (IllegalArgumentException e) {
            return ToolOutcome.Failed.fatal("ConfigError", e.getMessage());
        }
    }

    /**
     * What the server itself answered at connect time keeps its state (a refused login, an unknown database, no
     * connection slot left, no CONNECT privilege), as do authentication and unknown-database errors however they
     * came; a failure to reach the server at all is 08xxx.
     */
    static SQLException withConnectionState(SQLException e) {
        String state = e.getSQLState();
        if (state != null && e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            return e;
        }
        if (state != null && (state.startsWith("28") || state.startsWith("3D"))) {
            return e;
        }
        return new SQLException(e.getMessage(), "08001", e);
    }

    private static void abortQuietly(Connection c) {
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // already closed
        }
    }
}

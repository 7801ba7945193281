package io.noetl.worker.tool.jdbc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.worker.tool.ToolCall;
import io.noetl.worker.tool.ToolOutcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * What the {@code postgres} and {@code duckdb} tools share: run {@code command} (result
 * {@code {rows, row_count}} of the last statement that returns rows, at most {@link #MAX_ROWS} rows), or insert
 * {@code data} into {@code table} (created with TEXT columns when missing).
 */
public final class SqlTool {

    public static final int MAX_ROWS = 1000;

    private SqlTool() {
    }

    /** Runs the configured SQL on {@code connection}; SQL errors are thrown for the caller to classify. */
    public static ToolOutcome run(Connection connection, ToolCall call, SqlDialect dialect) throws SQLException {
        Object table = call.config().get("table");
        if (table != null) {
            int n = TableInsert.insert(connection, String.valueOf(table), call.config().get("data"), dialect);
            ObjectNode result = Json.object();
            result.put("table", String.valueOf(table));
            result.put("row_count", n);
            return ToolOutcome.Succeeded.of(result);
        }
        Object command = call.config().get("command");
        if (command == null) {
            command = call.config().get("query");
        }
        if (!(command instanceof String sql) || sql.isBlank()) {
            return ToolOutcome.Failed.fatal("ConfigError", call.command().toolKind()
                    + " tool needs 'command' (SQL) or 'table' + 'data'");
        }
        try (Statement st = connection.createStatement()) {
            call.cancellation().onCancel(() -> cancelQuietly(st));
            return ToolOutcome.Succeeded.of(execute(st, sql));
        }
    }

    private static ObjectNode execute(Statement st, String sql) throws SQLException {
        ArrayNode rows = null;
        long rowCount = 0;
        long updates = 0;
        boolean isResult = st.execute(sql);
        while (true) {
            if (isResult) {
                try (ResultSet rs = st.getResultSet()) {
                    rows = Json.mapper().createArrayNode();
                    rowCount = Rows.read(rs, rows, MAX_ROWS);
                }
            } else {
                int count = st.getUpdateCount();
                if (count == -1) {
                    break;
                }
                updates += count;
            }
            isResult = st.getMoreResults();
        }
        ObjectNode result = Json.object();
        result.set("rows", rows == null ? Json.mapper().createArrayNode() : rows);
        result.put("row_count", rows == null ? updates : rowCount);
        if (rows != null && rowCount > MAX_ROWS) {
            result.put("rows_truncated", true);
        }
        return result;
    }

    private static void cancelQuietly(Statement st) {
        try {
            st.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the statement may already be closed
        }
    }

    /** A value as a JDBC parameter: maps and lists become JSON text. */
    static Object parameter(Object value) {
        return value instanceof Map<?, ?> || value instanceof java.util.Collection<?> ? Json.string(value) : value;
    }
}

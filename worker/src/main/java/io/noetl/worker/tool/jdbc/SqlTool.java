package io.noetl.worker.tool.jdbc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.template.Templates;
import io.noetl.worker.tool.ToolCall;
import io.noetl.worker.tool.ToolOutcome;
import io.noetl.worker.tool.script.CodeSource;
import io.noetl.worker.tool.script.ScriptException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@code postgres} and {@code duckdb} tools share: run the SQL of {@code command} (or NoETL's
 * {@code commands}, {@code query}, {@code queries}, {@code sql}, {@code cmd}, {@code cmds}, a list of statements
 * included; base64 in {@code command_b64} and the like; or a {@code script} descriptor) (result
 * {@code {rows, row_count}} of the last statement that returns rows, at most {@link #MAX_ROWS} rows), or insert
 * {@code data} into {@code table} (created with TEXT columns when missing).
 */
public final class SqlTool {

    public static final int MAX_ROWS = 1000;

    /** Where NoETL's SQL tools take their statements from, in order of preference. */
    private static final List<String> INLINE_KEYS = List.of("command", "commands", "query", "queries", "sql", "cmd",
            "cmds");
    private static final List<String> BASE64_KEYS = List.of("command_b64", "commands_b64", "query_b64", "queries_b64");

    private SqlTool() {
    }

    /** Runs the configured SQL on {@code connection}; SQL errors are thrown for the caller to classify. */
    public static ToolOutcome run(Connection connection, ToolCall call, SqlDialect dialect)
            throws SQLException, InterruptedException {
        Object table = call.config().get("table");
        if (table != null) {
            int n = TableInsert.insert(connection, String.valueOf(table), call.config().get("data"), dialect);
            ObjectNode result = Json.object();
            result.put("table", String.valueOf(table));
            result.put("row_count", n);
            return ToolOutcome.Succeeded.of(result);
        }
        Optional<String> source;
        try {
            source = CodeSource.resolve(call.config(), INLINE_KEYS, BASE64_KEYS, CodeSource::sqlStatements,
                    call.timeout());
        } catch (ScriptException e) {
            return ToolOutcome.Failed.of(new ErrorInfo("ScriptError", e.getMessage(), null, e.retriable()));
        }
        if (source.isEmpty() || source.get().isBlank()) {
            return ToolOutcome.Failed.fatal("ConfigError", call.kind()
                    + " tool needs SQL in 'command', 'commands' or 'query' (or a 'script'), or 'table' + 'data'");
        }
        // SQL loaded from a script is rendered like inline SQL, which was rendered with the rest of the config
        String sql = call.config().get("script") != null
                ? Templates.renderText(source.get(), call.context()) : source.get();
        try (Statement st = connection.createStatement()) {
            call.cancellation().onCancel(() -> cancelQuietly(st));
            return ToolOutcome.Succeeded.of(execute(st, sql));
        }
    }

    /** The rows the last row-returning statement of {@code sql} yields (at most {@link #MAX_ROWS}). */
    public static ArrayNode rows(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            return (ArrayNode) execute(st, sql).get("rows");
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

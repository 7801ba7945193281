package io.noetl.worker.tool.transfer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes rows into a target table of PostgreSQL or DuckDB, a chunk per transaction: the table is created from the
 * source's column types when it does not exist; mode {@code append} inserts, {@code replace} empties the table first,
 * {@code upsert} updates rows whose {@code key} column (the first column unless named) already exists; a custom
 * {@code query} (NoETL's {@code %s} placeholders or {@code ?}) replaces the generated insert.
 */
final class TableWriter {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    private final Connection connection;
    private final boolean postgres;
    private final String table;
    private final PreparedStatement insert;
    private final int width;

    /**
     * @param columns target columns, in the order values are given
     * @param types   their SQL types (as {@link Types}), for a table created here
     */
    TableWriter(Connection connection, boolean postgres, String table, String query, List<String> columns,
                List<Integer> types, List<int[]> precisions, String mode, String key) throws SQLException {
        this.connection = connection;
        this.postgres = postgres;
        this.table = quoted(table);
        this.width = columns.size();
        columns.forEach(c -> {
            if (!IDENTIFIER.matcher(c).matches()) {
                throw new IllegalArgumentException("invalid target column name '" + c + "'");
            }
        });
        connection.setAutoCommit(false);
        if (query == null) {
            createIfMissing(columns, types, precisions);
            if ("replace".equals(mode)) {
                try (Statement st = connection.createStatement()) {
                    st.execute((postgres ? "TRUNCATE TABLE " : "DELETE FROM ") + this.table);
                }
            }
        }
        String sql = query != null ? query.replace("%s", "?") : insertSql(columns, mode, key);
        insert = connection.prepareStatement(sql);
    }

    private String insertSql(List<String> columns, String mode, String key) {
        String cols = columns.stream().map(TableWriter::quote).collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table + " (" + cols + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        if (!"upsert".equals(mode)) {
            return sql;
        }
        String k = key == null ? columns.get(0) : key;
        String updates = columns.stream().filter(c -> !c.equals(k)).map(c -> quote(c) + " = EXCLUDED." + quote(c))
                .collect(Collectors.joining(", "));
        return sql + " ON CONFLICT (" + quote(k) + ") DO " + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
    }

    private void createIfMissing(List<String> columns, List<Integer> types, List<int[]> precisions)
            throws SQLException {
        List<String> defs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            defs.add(quote(columns.get(i)) + " " + sqlType(types.get(i), precisions.get(i)));
        }
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + table + " (" + String.join(", ", defs) + ")");
        }
    }

    private String sqlType(int type, int[] precision) {
        return switch (type) {
            case Types.BIT, Types.BOOLEAN -> "BOOLEAN";
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> "INTEGER";
            case Types.BIGINT -> "BIGINT";
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> postgres ? "DOUBLE PRECISION" : "DOUBLE";
            case Types.NUMERIC, Types.DECIMAL -> precision != null && precision[0] > 0 && precision[0] <= 38
                    ? "DECIMAL(" + precision[0] + ", " + Math.max(0, precision[1]) + ")"
                    : postgres ? "NUMERIC" : "DOUBLE";
            case Types.DATE -> "DATE";
            case Types.TIME -> "TIME";
            case Types.TIMESTAMP -> "TIMESTAMP";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMPTZ";
            default -> "TEXT";
        };
    }

    /** Inserts {@code rows} (values in target column order) and commits them. */
    void write(List<Object[]> rows) throws SQLException {
        for (Object[] row : rows) {
            for (int i = 0; i < width; i++) {
                bind(i + 1, row[i]);
            }
            insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
    }

    private void bind(int index, Object v) throws SQLException {
        if (v == null) {
            insert.setNull(index, Types.NULL);
        } else if (v instanceof BigInteger bi) {
            insert.setObject(index, new BigDecimal(bi));
        } else if (v instanceof Number || v instanceof Boolean || v instanceof Date || v instanceof Temporal) {
            insert.setObject(index, v);
        } else if (postgres) {
            // text of any other type (json, uuid, a DuckDB struct): the server casts it to the column's type
            insert.setObject(index, String.valueOf(v), Types.OTHER);
        } else {
            insert.setString(index, String.valueOf(v));
        }
    }

    void close() throws SQLException {
        insert.close();
    }

    private static String quoted(String table) {
        String[] parts = table.split("\\.", -1);
        if (parts.length > 2 || !Arrays.stream(parts).allMatch(p -> IDENTIFIER.matcher(p).matches())) {
            throw new IllegalArgumentException("invalid target table name '" + table + "'");
        }
        return Arrays.stream(parts).map(TableWriter::quote).collect(Collectors.joining("."));
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }
}

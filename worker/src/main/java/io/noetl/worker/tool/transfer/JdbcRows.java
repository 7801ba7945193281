package io.noetl.worker.tool.transfer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The rows of a query, streamed ({@code fetchSize} = the chunk size; PostgreSQL needs a transaction for that). */
final class JdbcRows implements RowSource {

    private final Statement statement;
    private final ResultSet rs;
    private final List<String> columns = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();
    private final List<int[]> precisions = new ArrayList<>();

    JdbcRows(Connection connection, String query, int chunk) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            connection.setAutoCommit(false);
        }
        statement = connection.createStatement();
        statement.setFetchSize(chunk);
        rs = statement.executeQuery(query);
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i));
            types.add(md.getColumnType(i));
            precisions.add(new int[] {md.getPrecision(i), md.getScale(i)});
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<Integer> types() {
        return types;
    }

    @Override
    public int[] precision(int i) {
        return precisions.get(i);
    }

    @Override
    public List<Object[]> next(int n) throws SQLException {
        List<Object[]> out = new ArrayList<>(Math.min(n, 10_000));
        while (out.size() < n && rs.next()) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            out.add(row);
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        try {
            rs.close();
        } finally {
            statement.close();
        }
    }

    /** Cancels the running query (time limit, cancel request). */
    void cancel() {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // already finished or closed
        }
    }
}

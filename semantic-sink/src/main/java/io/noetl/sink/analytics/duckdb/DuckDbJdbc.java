package io.noetl.sink.analytics.duckdb;

import io.noetl.stores.analytics.AnalyticsStoreException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * The store's one DuckDB connection, with every SQL failure turned into an {@link AnalyticsStoreException} that names
 * the operation and the file. Not thread-safe: the store makes one call at a time.
 */
final class DuckDbJdbc {

    private final Path file;
    private final DuckDBConnection connection;

    DuckDbJdbc(Path file, DuckDBConnection connection) {
        this.file = file;
        this.connection = connection;
    }

    DuckDBConnection connection() {
        return connection;
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} in one transaction: committed whole, or rolled back and rethrown. */
    void transaction(String what, SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    <T> T call(String what, SqlCall<T> work) {
        try {
            return work.call();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** @return each row of a query with string parameters, mapped */
    <T> List<T> query(String what, String sql, List<String> params, RowMapper<T> mapper) {
        return call(what, () -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, params.get(i));
                }
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
                return out;
            }
        });
    }

    void close() throws SQLException {
        connection.close();
    }

    private AnalyticsStoreException failure(String what, SQLException e) {
        return new AnalyticsStoreException(what + " in " + file + ": " + e.getMessage(), e);
    }

    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}

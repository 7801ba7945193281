package io.noetl.worker.tool.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * DuckDB databases of the tools that use them (duckdb, transfer): a file path, or in-memory when absent or
 * {@code :memory:}. DuckDB lets one process open a file once at a time, so access to each file is serialized.
 */
public final class DuckDbFiles {

    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private DuckDbFiles() {
    }

    /** An open database; closing it closes the connection and lets the next user of the file in. */
    public static final class Open implements AutoCloseable {
        private final Connection connection;
        private final ReentrantLock lock;

        private Open(Connection connection, ReentrantLock lock) {
            this.connection = connection;
            this.lock = lock;
        }

        public Connection connection() {
            return connection;
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.close();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Opens {@code database}, waiting for whoever has the file open. */
    public static Open open(Object database) throws SQLException, InterruptedException {
        String path = database == null || String.valueOf(database).isBlank() || ":memory:".equals(database)
                ? null : Path.of(String.valueOf(database)).toAbsolutePath().normalize().toString();
        ReentrantLock lock = path == null ? new ReentrantLock() : LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
        lock.lockInterruptibly();
        try {
            return new Open(DriverManager.getConnection(path == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + path), lock);
        } catch (SQLException | RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }
}

package io.noetl.sink.analytics.duckdb;

import io.noetl.sink.analytics.FailureReads;
import io.noetl.stores.analytics.AnalyticsStoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.duckdb.DuckDBConnection;

/**
 * The store's read connections: duplicates of its connection (the same database), each running one query at a time,
 * so that queries of different threads run side by side — and beside a write — instead of one after another. DuckDB
 * gives each query a consistent snapshot. A reader waits for a free connection when all are busy.
 */
final class DuckDbReaders {

    /** One read connection with the queries over it. */
    record Reader(DuckDbInsights insights, FailureReads<DuckDbStatement> failures) {

        static Reader on(DuckDbJdbc jdbc) {
            return new Reader(new DuckDbInsights(jdbc), new FailureReads<>(new DuckDbFailureQueries(),
                    (what, version, statement) -> jdbc.query(what + " from analytics version " + version,
                            statement.sql(), statement.params(), DuckDbRow::of)));
        }
    }

    private final Path file;
    private final List<DuckDbJdbc> connections;
    private final BlockingQueue<Reader> idle;

    private DuckDbReaders(Path file, List<DuckDbJdbc> connections) {
        this.file = file;
        this.connections = List.copyOf(connections);
        this.idle = new ArrayBlockingQueue<>(connections.size());
        connections.forEach(c -> idle.add(Reader.on(c)));
    }

    /** Opens {@code size} read connections on the database of {@code connection}. */
    static DuckDbReaders open(Path file, DuckDBConnection connection, int size) throws SQLException {
        List<DuckDbJdbc> out = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                out.add(new DuckDbJdbc(file, connection.duplicate()));
            }
        } catch (SQLException e) {
            for (DuckDbJdbc c : out) {
                c.close();
            }
            throw e;
        }
        return new DuckDbReaders(file, out);
    }

    /** The default number of read connections: two per processor, at least 2 and at most 8. */
    static int defaultSize() {
        return Math.clamp(2L * Runtime.getRuntime().availableProcessors(), 2, 8);
    }

    /** Runs {@code query} on a free read connection. */
    <T> T read(Function<Reader, T> query) {
        Reader reader;
        try {
            reader = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalyticsStoreException("interrupted while waiting for a read connection to " + file, e);
        }
        try {
            return query.apply(reader);
        } finally {
            idle.add(reader);
        }
    }

    void close() throws SQLException {
        SQLException failure = null;
        for (DuckDbJdbc c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

package io.noetl.sink.analytics.duckdb;

import io.noetl.sink.analytics.AnalyticsBatch;
import io.noetl.sink.analytics.AnalyticsColumn;
import io.noetl.sink.analytics.AnalyticsRows;
import io.noetl.sink.analytics.AnalyticsSchema;
import io.noetl.sink.analytics.AnalyticsStore;
import io.noetl.sink.analytics.AnalyticsStoreException;
import io.noetl.sink.analytics.AnalyticsTables;
import io.noetl.sink.analytics.AttemptOutcome;
import io.noetl.sink.analytics.DurationPoint;
import io.noetl.sink.analytics.Rejected;
import io.noetl.sink.analytics.StatusCount;
import io.noetl.sink.analytics.StepErrorRate;
import io.noetl.sink.analytics.StepLatency;
import io.noetl.sink.analytics.TableCounts;
import io.noetl.sink.analytics.TimeRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded analytics store: every version's tables and the current-version pointer in one DuckDB file.
 *
 * <p>A write appends each table's rows into a temporary staging table, then merges all of them into the version's
 * keyed tables in one transaction ({@code INSERT ... ON CONFLICT}), so a batch is written whole or not at all and
 * writing it again changes nothing. DuckDB allows one process per file; within it, one connection serves every
 * thread, one call at a time.
 */
public final class DuckDbAnalyticsStore implements AnalyticsStore {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbAnalyticsStore.class);
    private static final Pattern VERSION_TABLE = Pattern.compile(AnalyticsTables.EVENTS + "_v(\\d+)");

    private final Path file;
    private final DuckDBConnection connection;
    private int current;
    private boolean closed;

    private DuckDbAnalyticsStore(Path file, DuckDBConnection connection, int current) {
        this.file = file;
        this.connection = connection;
        this.current = current;
    }

    /**
     * Opens (creating when missing) the store in {@code file}.
     *
     * @throws AnalyticsStoreException when the file cannot be opened (e.g. another process holds it)
     */
    public static DuckDbAnalyticsStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection jdbc = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            DuckDBConnection connection = jdbc.unwrap(DuckDBConnection.class);
            try (Statement st = connection.createStatement()) {
                st.execute(DuckDbSql.POINTER_DDL);
                for (String base : AnalyticsTables.ALL) {
                    st.execute(DuckDbSql.createStage(base));
                }
            }
            int current = readPointer(connection);
            LOG.info("analytics store opened: DuckDB file {}, current version {}", file, current);
            return new DuckDbAnalyticsStore(file, connection, current);
        } catch (SQLException | IOException e) {
            throw new AnalyticsStoreException("open DuckDB analytics file " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the DuckDB file */
    public Path file() {
        return file;
    }

    @Override
    public synchronized int currentVersion() {
        return current;
    }

    @Override
    public synchronized List<Integer> versions() {
        checkOpen();
        return call("list analytics versions", () -> {
            TreeSet<Integer> versions = new TreeSet<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                         + "WHERE table_schema = 'main' AND table_name LIKE 'noetl_events_v%'")) {
                while (rs.next()) {
                    Matcher m = VERSION_TABLE.matcher(rs.getString(1));
                    if (m.matches()) {
                        versions.add(Integer.parseInt(m.group(1)));
                    }
                }
            }
            return List.copyOf(versions);
        });
    }

    @Override
    public synchronized void createVersion(int version) {
        checkOpen();
        AnalyticsTables.of(AnalyticsTables.EVENTS, version);
        transaction("create analytics version " + version, () -> {
            try (Statement st = connection.createStatement()) {
                for (String base : AnalyticsTables.ALL) {
                    st.execute(DuckDbSql.createTable(base, version));
                }
            }
        });
    }

    @Override
    public synchronized void switchTo(int version) {
        requireVersion(version);
        transaction("switch analytics to version " + version, () -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT OR REPLACE INTO "
                    + AnalyticsTables.POINTER + " VALUES (1, ?, current_timestamp::TIMESTAMP)")) {
                ps.setInt(1, version);
                ps.executeUpdate();
            }
        });
        LOG.info("analytics store now reads version {} (was {})", version, current);
        current = version;
    }

    @Override
    public synchronized void dropVersion(int version) {
        checkOpen();
        if (version == current) {
            throw new IllegalArgumentException("analytics version " + version
                    + " is the current version; switch to another one before dropping it");
        }
        transaction("drop analytics version " + version, () -> {
            try (Statement st = connection.createStatement()) {
                for (String base : AnalyticsTables.ALL) {
                    st.execute("DROP TABLE IF EXISTS " + AnalyticsTables.of(base, version));
                }
            }
        });
    }

    @Override
    public synchronized List<Rejected> write(int version, AnalyticsBatch batch) {
        requireVersion(version);
        AnalyticsRows rows = AnalyticsRows.of(batch);
        if (rows.rows().isEmpty()) {
            return rows.rejected();
        }
        call("stage " + batch.size() + " records for analytics version " + version, () -> {
            for (Map.Entry<String, List<Object[]>> table : rows.rows().entrySet()) {
                stage(table.getKey(), table.getValue());
            }
            return null;
        });
        transaction("write " + batch.size() + " records into analytics version " + version, () -> {
            try (Statement st = connection.createStatement()) {
                for (String base : rows.rows().keySet()) {
                    st.execute(DuckDbSql.merge(base, version));
                }
            }
        });
        return rows.rejected();
    }

    @Override
    public synchronized TableCounts counts(int version) {
        requireVersion(version);
        return call("count analytics version " + version, () -> {
            long[] n = new long[AnalyticsTables.ALL.size()];
            try (Statement st = connection.createStatement()) {
                for (int i = 0; i < n.length; i++) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM "
                            + AnalyticsTables.of(AnalyticsTables.ALL.get(i), version))) {
                        rs.next();
                        n[i] = rs.getLong(1);
                    }
                }
            }
            return new TableCounts(n[0], n[1], n[2], n[3], n[4]);
        });
    }

    @Override
    public synchronized List<StepLatency> slowestSteps(TimeRange range, int limit) {
        return current == 0 ? List.of() : query("slowest steps", DuckDbQueries.slowestSteps(events(), range, limit),
                List.of(), rs -> new StepLatency(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getDouble(6)));
    }

    @Override
    public synchronized List<StepErrorRate> errorRates(TimeRange range, int limit) {
        return current == 0 ? List.of() : query("error rates", DuckDbQueries.errorRates(events(), range, limit),
                List.of(), rs -> new StepErrorRate(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), (double) rs.getLong(5) / rs.getLong(6)));
    }

    @Override
    public synchronized List<AttemptOutcome> successByAttempt(String playbook, String step) {
        return current == 0 ? List.of() : query("success by attempt", DuckDbQueries.successByAttempt(events()),
                List.of(playbook, step), rs -> new AttemptOutcome(rs.getInt(1), rs.getLong(2), rs.getLong(3),
                        (double) rs.getLong(3) / rs.getLong(2)));
    }

    @Override
    public synchronized List<DurationPoint> durationHistory(String playbook, String step, TimeRange range,
            int limit) {
        return current == 0 ? List.of() : query("duration history",
                DuckDbQueries.durationHistory(events(), range, limit), List.of(playbook, step),
                rs -> new DurationPoint(rs.getObject(1) == null ? null : Instant.ofEpochMilli(rs.getLong(1)),
                        rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5)));
    }

    @Override
    public synchronized List<StatusCount> executionsByStatus(TimeRange range) {
        return current == 0 ? List.of() : query("executions by status", DuckDbQueries.executionsByStatus(
                AnalyticsTables.of(AnalyticsTables.TRACES, current), range), List.of(),
                rs -> new StatusCount(rs.getString(1), rs.getLong(2)));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
            LOG.info("analytics store closed: {}", file);
        } catch (SQLException e) {
            LOG.warn("closing DuckDB analytics file {} failed", file, e);
        }
    }

    /** The stored {@code attempts} of one step metrics row, or -1 when there is none (for tests). */
    synchronized long storedStepMetricsCount(int version, String playbook, String step, Instant windowStart) {
        String sql = "SELECT attempts FROM " + AnalyticsTables.of(AnalyticsTables.STEP_METRICS, version)
                + " WHERE playbook = ? AND step = ? AND epoch_ms(window_start) = " + windowStart.toEpochMilli();
        List<Long> found = call("read step metrics", () -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, playbook);
                ps.setString(2, step);
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
        return found.isEmpty() ? -1 : found.getFirst();
    }

    private void stage(String base, List<Object[]> rows) throws SQLException {
        List<AnalyticsColumn> columns = AnalyticsSchema.columns(base);
        try (Statement st = connection.createStatement()) {
            st.execute("DELETE FROM " + DuckDbSql.stage(base));
        }
        try (DuckDBAppender appender = connection.createAppender("temp", "main", DuckDbSql.stage(base))) {
            for (Object[] row : rows) {
                appender.beginRow();
                for (int i = 0; i < row.length; i++) {
                    append(appender, columns.get(i).type(), row[i]);
                }
                appender.endRow();
            }
        }
    }

    private static void append(DuckDBAppender appender, AnalyticsColumn.Type type, Object value)
            throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (type) {
            case STRING -> appender.append((String) value);
            case LONG -> appender.append(((Number) value).longValue());
            case INT -> appender.append(((Number) value).intValue());
            case DOUBLE -> appender.append(((Number) value).doubleValue());
            case BOOL -> appender.append((boolean) (Boolean) value);
            case TIME -> appender.appendEpochMicros(((Instant) value).toEpochMilli() * 1000);
        }
    }

    private static int readPointer(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM " + AnalyticsTables.POINTER + " WHERE id = 1")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private String events() {
        return AnalyticsTables.of(AnalyticsTables.EVENTS, current);
    }

    private void requireVersion(int version) {
        checkOpen();
        AnalyticsTables.of(AnalyticsTables.EVENTS, version);
        List<Integer> versions = versions();
        if (!versions.contains(version)) {
            throw new IllegalArgumentException("analytics version " + version + " does not exist; versions: "
                    + versions);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new AnalyticsStoreException("analytics store " + file + " is closed");
        }
    }

    private <T> List<T> query(String what, String sql, List<String> params, RowMapper<T> mapper) {
        checkOpen();
        return call(what + " from analytics version " + current, () -> {
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

    private void transaction(String what, SqlWork work) {
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
            throw new AnalyticsStoreException(what + " in " + file + ": " + e.getMessage(), e);
        }
    }

    private <T> T call(String what, SqlCall<T> work) {
        try {
            return work.call();
        } catch (SQLException e) {
            throw new AnalyticsStoreException(what + " in " + file + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}

package io.noetl.sink.analytics.duckdb;

import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.sink.analytics.PageCursor;
import io.noetl.stores.analytics.AlertQuery;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.AnalyticsStoreException;
import io.noetl.stores.analytics.AnalyticsTables;
import io.noetl.stores.analytics.AttemptOutcome;
import io.noetl.stores.analytics.ClassRecovery;
import io.noetl.stores.analytics.DurationPoint;
import io.noetl.stores.analytics.ErrorOccurrence;
import io.noetl.stores.analytics.ExecutionHit;
import io.noetl.stores.analytics.Fingerprint;
import io.noetl.stores.analytics.Page;
import io.noetl.stores.analytics.Rejected;
import io.noetl.stores.analytics.ResolutionRow;
import io.noetl.stores.analytics.StatusCount;
import io.noetl.stores.analytics.StepErrorRate;
import io.noetl.stores.analytics.StepLatency;
import io.noetl.stores.analytics.StepQuantiles;
import io.noetl.stores.analytics.TableCounts;
import io.noetl.stores.analytics.TimeRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
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
 *
 * <p>The parts: {@link DuckDbVersions} (tables and pointer), {@link DuckDbWriter} (writes), {@link DuckDbInsights}
 * (step, trace and alert queries), {@link DuckDbFailureQueries} (errors, fingerprints, resolutions, recovery, read by
 * {@link io.noetl.sink.analytics.FailureReads}). Writes and
 * version changes run on one {@link DuckDbJdbc} connection this class serializes calls to; queries run side by side
 * on read connections of their own ({@link DuckDbReaders}), and a version is never dropped while a query reads it.
 */
public final class DuckDbAnalyticsStore implements AnalyticsStore {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbAnalyticsStore.class);

    private final Path file;
    private final DuckDbJdbc jdbc;
    private final DuckDbVersions versions;
    private final DuckDbWriter writer;
    private final DuckDbInsights insights;
    private final DuckDbReaders readers;
    // queries hold it shared; dropping a version and closing hold it exclusively
    private final ReadWriteLock reading = new ReentrantReadWriteLock();
    private volatile int current;
    private volatile boolean closed;

    private DuckDbAnalyticsStore(Path file, DuckDBConnection connection, DuckDbReaders readers, int current) {
        this.file = file;
        this.jdbc = new DuckDbJdbc(file, connection);
        this.versions = new DuckDbVersions(jdbc);
        this.writer = new DuckDbWriter(jdbc);
        this.insights = new DuckDbInsights(jdbc);
        this.readers = readers;
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
            DuckDbVersions.prepare(connection);
            int current = DuckDbVersions.readPointer(connection);
            DuckDbReaders readers = DuckDbReaders.open(file, connection, DuckDbReaders.defaultSize());
            LOG.info("analytics store opened: DuckDB file {}, current version {}", file, current);
            return new DuckDbAnalyticsStore(file, connection, readers, current);
        } catch (SQLException | IOException e) {
            throw new AnalyticsStoreException("open DuckDB analytics file " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the DuckDB file */
    public Path file() {
        return file;
    }

    @Override
    public int currentVersion() {
        return current;
    }

    @Override
    public synchronized List<Integer> versions() {
        checkOpen();
        return versions.list();
    }

    @Override
    public synchronized void createVersion(int version) {
        checkOpen();
        versions.create(version);
    }

    @Override
    public synchronized void switchTo(int version) {
        requireVersion(version);
        versions.point(version);
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
        reading.writeLock().lock();
        try {
            versions.drop(version);
        } finally {
            reading.writeLock().unlock();
        }
    }

    @Override
    public synchronized List<Rejected> write(int version, AnalyticsBatch batch) {
        requireVersion(version);
        return writer.write(version, batch);
    }

    @Override
    public synchronized TableCounts counts(int version) {
        requireVersion(version);
        return versions.counts(version);
    }

    @Override
    public List<StepLatency> slowestSteps(TimeRange range, int limit) {
        return read(List.of(), (r, v) -> r.insights().slowestSteps(v, range, limit));
    }

    @Override
    public List<StepErrorRate> errorRates(TimeRange range, int limit) {
        return read(List.of(), (r, v) -> r.insights().errorRates(v, range, limit));
    }

    @Override
    public List<AttemptOutcome> successByAttempt(String playbook, String step) {
        return read(List.of(), (r, v) -> r.insights().successByAttempt(v, playbook, step));
    }

    @Override
    public List<DurationPoint> durationHistory(String playbook, String step, TimeRange range, int limit) {
        return read(List.of(), (r, v) -> r.insights().durationHistory(v, playbook, step, range, limit));
    }

    @Override
    public List<StatusCount> executionsByStatus(TimeRange range) {
        return read(List.of(), (r, v) -> r.insights().executionsByStatus(v, range));
    }

    @Override
    public List<ErrorOccurrence> executionErrors(String executionId) {
        return executionId == null ? List.of()
                : read(List.of(), (r, v) -> r.failures().executionErrors(v, executionId));
    }

    @Override
    public Optional<Fingerprint> fingerprint(String templateId) {
        return templateId == null ? Optional.empty()
                : read(Optional.empty(), (r, v) -> r.failures().fingerprint(v, templateId));
    }

    @Override
    public Page<Fingerprint> fingerprints(String playbook, Instant since, int limit, String cursor) {
        PageCursor after = PageCursor.decode(cursor);
        PageCursor.checkLimit(limit);
        return read(new Page<>(List.of(), null), (r, v) -> r.failures().fingerprints(v, playbook, since, limit, after));
    }

    @Override
    public Page<ExecutionHit> fingerprintExecutions(String templateId, int limit, String cursor) {
        PageCursor after = PageCursor.decode(cursor);
        PageCursor.checkLimit(limit);
        return templateId == null ? new Page<>(List.of(), null) : read(new Page<>(List.of(), null),
                (r, v) -> r.failures().fingerprintExecutions(v, templateId, limit, after));
    }

    @Override
    public Map<String, ResolutionRow> resolutions(Collection<String> executionIds) {
        return read(Map.of(), (r, v) -> r.failures().resolutions(v, executionIds));
    }

    @Override
    public List<StepQuantiles> stepQuantiles(String playbook, TimeRange range) {
        return read(List.of(), (r, v) -> r.insights().stepQuantiles(v, playbook, range));
    }

    @Override
    public List<ClassRecovery> recoveryByClass(String playbook, String step, TimeRange range) {
        return read(List.of(), (r, v) -> r.failures().recoveryByClass(v, playbook, step, range));
    }

    @Override
    public List<ExecutionTrace> traces(String playbook, TimeRange range, int limit) {
        return read(List.of(), (r, v) -> r.insights().traces(v, playbook, range, limit));
    }

    @Override
    public Page<Alert> alerts(AlertQuery query) {
        PageCursor after = PageCursor.decode(query.cursor());
        return read(new Page<>(List.of(), null), (r, v) -> r.insights().alerts(v, query, after));
    }

    @Override
    public synchronized void close() {
        reading.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            readers.close();
            jdbc.close();
            LOG.info("analytics store closed: {}", file);
        } catch (SQLException e) {
            LOG.warn("closing DuckDB analytics file {} failed", file, e);
        } finally {
            reading.writeLock().unlock();
        }
    }

    /** The stored {@code attempts} of one step metrics row, or -1 when there is none (for tests). */
    synchronized long storedStepMetricsCount(int version, String playbook, String step, Instant windowStart) {
        return insights.storedStepMetricsCount(version, playbook, step, windowStart);
    }

    /** Runs a query on the current version on a read connection, or answers {@code none} before the first switch. */
    private <T> T read(T none, BiFunction<DuckDbReaders.Reader, Integer, T> query) {
        reading.readLock().lock();
        try {
            checkOpen();
            int version = current;
            return version == 0 ? none : readers.read(r -> query.apply(r, version));
        } finally {
            reading.readLock().unlock();
        }
    }

    private void requireVersion(int version) {
        checkOpen();
        AnalyticsTables.of(AnalyticsTables.EVENTS, version);
        List<Integer> existing = versions.list();
        if (!existing.contains(version)) {
            throw new IllegalArgumentException("analytics version " + version + " does not exist; versions: "
                    + existing);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new AnalyticsStoreException("analytics store " + file + " is closed");
        }
    }
}

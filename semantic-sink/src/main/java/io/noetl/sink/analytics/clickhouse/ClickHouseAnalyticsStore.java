package io.noetl.sink.analytics.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.sink.analytics.AnalyticsRows;
import io.noetl.sink.analytics.FailureReads;
import io.noetl.sink.analytics.PageCursor;
import io.noetl.sink.index.SinkIndex;
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
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics store on ClickHouse, over HTTP with {@code client-v2}; it runs on ClickHouse 18.16 and on current
 * releases. Rows go in as {@code JSONEachRow}; reads ask for {@code JSONEachRow} and read {@code FINAL}, so a key
 * written several times is seen once at once, before any background merge. The current version is the latest row of
 * the pointer table; other processes' switches are seen within {@link SinkIndex#POINTER_REFRESH_MS}.
 *
 * <p>A batch is inserted table by table, so a failure may leave part of it written; writing it again is safe.
 * Connection failures and timeouts become {@link AnalyticsStoreException}.
 *
 * <p>The parts: {@link ClickHouseHttp} (calls), {@link ClickHousePointer} (the current version),
 * {@link ClickHouseInsights} (step, trace and alert queries), {@link ClickHouseFailureQueries} (errors, fingerprints,
 * resolutions, recovery, read by {@link FailureReads}); tables and writes are here.
 */
public final class ClickHouseAnalyticsStore implements AnalyticsStore {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseAnalyticsStore.class);
    private static final Pattern VERSION_TABLE = Pattern.compile(AnalyticsTables.EVENTS + "_v(\\d+)");

    private final ClickHouseSettings settings;
    private final String db;
    private final ClickHouseHttp http;
    private final ClickHousePointer pointer;
    private final ClickHouseInsights insights;
    private final FailureReads<String> failures;

    private ClickHouseAnalyticsStore(ClickHouseSettings settings, ClickHouseHttp http) {
        this.settings = settings;
        this.db = settings.database();
        this.http = http;
        this.pointer = new ClickHousePointer(http);
        this.insights = new ClickHouseInsights(http);
        this.failures = new FailureReads<>(new ClickHouseFailureQueries(http.database()),
                (what, version, sql) -> http.map(what, sql, ClickHouseRow::new));
    }

    /**
     * Connects, creates the database and the pointer table when missing, and reads the current version.
     *
     * @throws AnalyticsStoreException when the server cannot be reached
     */
    public static ClickHouseAnalyticsStore open(ClickHouseSettings settings) {
        ClickHouseHttp http = ClickHouseHttp.connect(settings);
        ClickHouseAnalyticsStore store = new ClickHouseAnalyticsStore(settings, http);
        try {
            http.execute("create database " + settings.database(),
                    "CREATE DATABASE IF NOT EXISTS " + settings.database());
            store.pointer.createTable();
            store.pointer.read();
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        LOG.info("analytics store opened: ClickHouse {} database {}, current version {}", settings.url(),
                settings.database(), store.pointer.known());
        return store;
    }

    /** @return the settings this store connects with */
    public ClickHouseSettings settings() {
        return settings;
    }

    @Override
    public int currentVersion() {
        return pointer.current();
    }

    @Override
    public List<Integer> versions() {
        TreeSet<Integer> versions = new TreeSet<>();
        for (JsonNode row : http.rows("list analytics versions", "SELECT name FROM system.tables WHERE database = "
                + ClickHouseSql.literal(db) + " AND name LIKE 'noetl_events_v%'")) {
            Matcher m = VERSION_TABLE.matcher(row.path("name").asText());
            if (m.matches()) {
                versions.add(Integer.parseInt(m.group(1)));
            }
        }
        return List.copyOf(versions);
    }

    @Override
    public void createVersion(int version) {
        AnalyticsTables.of(AnalyticsTables.EVENTS, version);
        // events last: a version exists once its events table does, i.e. when all its tables do
        for (String base : AnalyticsTables.ALL.reversed()) {
            http.execute("create analytics version " + version, ClickHouseSql.createTable(db, base, version));
        }
    }

    @Override
    public void switchTo(int version) {
        requireVersion(version);
        pointer.switchTo(version);
    }

    @Override
    public void dropVersion(int version) {
        AnalyticsTables.of(AnalyticsTables.EVENTS, version);
        pointer.read();
        if (version == pointer.known()) {
            throw new IllegalArgumentException("analytics version " + version
                    + " is the current version; switch to another one before dropping it");
        }
        for (String base : AnalyticsTables.ALL) {
            http.execute("drop analytics version " + version, "DROP TABLE IF EXISTS " + db + "."
                    + AnalyticsTables.of(base, version));
        }
    }

    @Override
    public List<Rejected> write(int version, AnalyticsBatch batch) {
        requireVersion(version);
        AnalyticsRows rows = AnalyticsRows.of(batch);
        for (Map.Entry<String, List<Object[]>> table : rows.rows().entrySet()) {
            String name = AnalyticsTables.of(table.getKey(), version);
            http.insert("write " + table.getValue().size() + " rows into " + name, name,
                    ClickHouseSql.jsonEachRow(table.getKey(), table.getValue()));
        }
        return rows.rejected();
    }

    @Override
    public TableCounts counts(int version) {
        requireVersion(version);
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < AnalyticsTables.ALL.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(SELECT count() FROM ").append(db).append('.')
                    .append(AnalyticsTables.of(AnalyticsTables.ALL.get(i), version)).append(" FINAL) AS c").append(i);
        }
        JsonNode row = http.rows("count analytics version " + version, sql.toString()).getFirst();
        return new TableCounts(row.path("c0").asLong(), row.path("c1").asLong(), row.path("c2").asLong(),
                row.path("c3").asLong(), row.path("c4").asLong());
    }

    @Override
    public List<StepLatency> slowestSteps(TimeRange range, int limit) {
        int version = currentVersion();
        return version == 0 ? List.of() : insights.slowestSteps(version, range, limit);
    }

    @Override
    public List<StepErrorRate> errorRates(TimeRange range, int limit) {
        int version = currentVersion();
        return version == 0 ? List.of() : insights.errorRates(version, range, limit);
    }

    @Override
    public List<AttemptOutcome> successByAttempt(String playbook, String step) {
        int version = currentVersion();
        return version == 0 ? List.of() : insights.successByAttempt(version, playbook, step);
    }

    @Override
    public List<DurationPoint> durationHistory(String playbook, String step, TimeRange range, int limit) {
        int version = currentVersion();
        return version == 0 ? List.of() : insights.durationHistory(version, playbook, step, range, limit);
    }

    @Override
    public List<StatusCount> executionsByStatus(TimeRange range) {
        int version = currentVersion();
        return version == 0 ? List.of() : insights.executionsByStatus(version, range);
    }

    @Override
    public List<ErrorOccurrence> executionErrors(String executionId) {
        return executionId == null ? List.of() : read(List.of(), v -> failures.executionErrors(v, executionId));
    }

    @Override
    public Optional<Fingerprint> fingerprint(String templateId) {
        return templateId == null ? Optional.empty() : read(Optional.empty(), v -> failures.fingerprint(v, templateId));
    }

    @Override
    public Page<Fingerprint> fingerprints(String playbook, Instant since, int limit, String cursor) {
        PageCursor after = PageCursor.decode(cursor);
        PageCursor.checkLimit(limit);
        return read(new Page<>(List.of(), null), v -> failures.fingerprints(v, playbook, since, limit, after));
    }

    @Override
    public Page<ExecutionHit> fingerprintExecutions(String templateId, int limit, String cursor) {
        PageCursor after = PageCursor.decode(cursor);
        PageCursor.checkLimit(limit);
        return templateId == null ? new Page<>(List.of(), null) : read(new Page<>(List.of(), null),
                v -> failures.fingerprintExecutions(v, templateId, limit, after));
    }

    @Override
    public Map<String, ResolutionRow> resolutions(Collection<String> executionIds) {
        return read(Map.of(), v -> failures.resolutions(v, executionIds));
    }

    @Override
    public List<StepQuantiles> stepQuantiles(String playbook, TimeRange range) {
        return read(List.of(), v -> insights.stepQuantiles(v, playbook, range));
    }

    @Override
    public List<ClassRecovery> recoveryByClass(String playbook, String step, TimeRange range) {
        return read(List.of(), v -> failures.recoveryByClass(v, playbook, step, range));
    }

    @Override
    public List<ExecutionTrace> traces(String playbook, TimeRange range, int limit) {
        return read(List.of(), v -> insights.traces(v, playbook, range, limit));
    }

    @Override
    public Page<Alert> alerts(AlertQuery query) {
        PageCursor after = PageCursor.decode(query.cursor());
        return read(new Page<>(List.of(), null), v -> insights.alerts(v, query, after));
    }

    @Override
    public void close() {
        http.close();
        LOG.info("analytics store closed: ClickHouse {} database {}", settings.url(), db);
    }

    /** The stored {@code attempts} of one step metrics row, or -1 when there is none (for tests). */
    long storedStepMetricsCount(int version, String playbook, String step, Instant windowStart) {
        return insights.storedStepMetricsCount(version, playbook, step, windowStart);
    }

    /** Runs a query on the current version, or answers {@code none} before the first switch. */
    private <T> T read(T none, IntFunction<T> query) {
        int version = currentVersion();
        return version == 0 ? none : query.apply(version);
    }

    private void requireVersion(int version) {
        AnalyticsTables.of(AnalyticsTables.EVENTS, version);
        List<Integer> versions = versions();
        if (!versions.contains(version)) {
            throw new IllegalArgumentException("analytics version " + version + " does not exist; versions: "
                    + versions);
        }
    }
}

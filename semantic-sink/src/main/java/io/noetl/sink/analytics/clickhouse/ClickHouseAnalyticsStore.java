package io.noetl.sink.analytics.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.command.CommandResponse;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.data.ClickHouseFormat;
import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.sink.analytics.AnalyticsBatch;
import io.noetl.sink.analytics.AnalyticsRows;
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
import io.noetl.sink.index.SinkIndex;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
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
 */
public final class ClickHouseAnalyticsStore implements AnalyticsStore {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseAnalyticsStore.class);
    private static final Pattern VERSION_TABLE = Pattern.compile(AnalyticsTables.EVENTS + "_v(\\d+)");

    private final ClickHouseSettings settings;
    private final String db;
    private final Client client;
    private final long timeoutMs;
    private volatile int current;
    private volatile long currentSwitchedMs;
    private volatile long pointerReadAt;

    private ClickHouseAnalyticsStore(ClickHouseSettings settings, Client client) {
        this.settings = settings;
        this.db = settings.database();
        this.client = client;
        this.timeoutMs = settings.connectTimeout().toMillis() + settings.socketTimeout().toMillis() + 1_000;
    }

    /**
     * Connects, creates the database and the pointer table when missing, and reads the current version.
     *
     * @throws AnalyticsStoreException when the server cannot be reached
     */
    public static ClickHouseAnalyticsStore open(ClickHouseSettings settings) {
        Client client = new Client.Builder()
                .addEndpoint(settings.url())
                .setUsername(settings.user())
                .setPassword(settings.password())
                .compressServerResponse(false)
                .compressClientRequest(false)
                .setConnectTimeout(settings.connectTimeout().toMillis(), ChronoUnit.MILLIS)
                .setSocketTimeout(settings.socketTimeout().toMillis(), ChronoUnit.MILLIS)
                .setConnectionRequestTimeout(settings.connectTimeout().toMillis(), ChronoUnit.MILLIS)
                .setMaxRetries(0)
                .build();
        ClickHouseAnalyticsStore store = new ClickHouseAnalyticsStore(settings, client);
        try {
            store.execute("create database " + settings.database(),
                    "CREATE DATABASE IF NOT EXISTS " + settings.database());
            store.execute("create pointer table", ClickHouseSql.pointerDdl(settings.database()));
            store.readPointer();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        LOG.info("analytics store opened: ClickHouse {} database {}, current version {}", settings.url(),
                settings.database(), store.current);
        return store;
    }

    /** @return the settings this store connects with */
    public ClickHouseSettings settings() {
        return settings;
    }

    @Override
    public int currentVersion() {
        if (System.currentTimeMillis() - pointerReadAt > SinkIndex.POINTER_REFRESH_MS) {
            try {
                readPointer();
            } catch (AnalyticsStoreException e) {
                LOG.warn("cannot re-read the analytics version pointer, using version {}: {}", current,
                        e.getMessage());
            }
        }
        return current;
    }

    @Override
    public List<Integer> versions() {
        TreeSet<Integer> versions = new TreeSet<>();
        for (JsonNode row : rows("list analytics versions", "SELECT name FROM system.tables WHERE database = "
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
            execute("create analytics version " + version, ClickHouseSql.createTable(db, base, version));
        }
    }

    @Override
    public synchronized void switchTo(int version) {
        requireVersion(version);
        readPointer();
        long now = System.currentTimeMillis();
        long switchedMs = Math.max(now, currentSwitchedMs + 1);
        String row = "{\"id\":1,\"version\":" + version + ",\"switched_at\":" + switchedMs / 1000
                + ",\"switched_at_ms\":" + switchedMs + "}\n";
        insert("switch analytics to version " + version, AnalyticsTables.POINTER,
                row.getBytes(StandardCharsets.UTF_8));
        LOG.info("analytics store now reads version {} (was {})", version, current);
        current = version;
        currentSwitchedMs = switchedMs;
        pointerReadAt = System.currentTimeMillis();
    }

    @Override
    public void dropVersion(int version) {
        AnalyticsTables.of(AnalyticsTables.EVENTS, version);
        readPointer();
        if (version == current) {
            throw new IllegalArgumentException("analytics version " + version
                    + " is the current version; switch to another one before dropping it");
        }
        for (String base : AnalyticsTables.ALL) {
            execute("drop analytics version " + version, "DROP TABLE IF EXISTS " + db + "."
                    + AnalyticsTables.of(base, version));
        }
    }

    @Override
    public List<Rejected> write(int version, AnalyticsBatch batch) {
        requireVersion(version);
        AnalyticsRows rows = AnalyticsRows.of(batch);
        for (Map.Entry<String, List<Object[]>> table : rows.rows().entrySet()) {
            insert("write " + table.getValue().size() + " rows into " + AnalyticsTables.of(table.getKey(), version),
                    AnalyticsTables.of(table.getKey(), version),
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
        JsonNode row = rows("count analytics version " + version, sql.toString()).getFirst();
        return new TableCounts(row.path("c0").asLong(), row.path("c1").asLong(), row.path("c2").asLong(),
                row.path("c3").asLong(), row.path("c4").asLong());
    }

    @Override
    public List<StepLatency> slowestSteps(TimeRange range, int limit) {
        String events = events();
        return events == null ? List.of() : map("slowest steps", ClickHouseQueries.slowestSteps(events, range, limit),
                r -> new StepLatency(text(r, "playbook"), text(r, "step"), r.path("n").asLong(),
                        r.path("p50").asDouble(), r.path("p95").asDouble(), r.path("mx").asDouble()));
    }

    @Override
    public List<StepErrorRate> errorRates(TimeRange range, int limit) {
        String events = events();
        if (events == null) {
            return List.of();
        }
        String errorsSql = ClickHouseQueries.errorsByTemplate(events, range, limit);
        Map<List<String>, Long> attempts = new HashMap<>();
        for (JsonNode r : rows("attempts per step", ClickHouseQueries.attemptsPerStep(events, range))) {
            attempts.put(Arrays.asList(text(r, "playbook"), text(r, "step")), r.path("n").asLong());
        }
        return map("error rates", errorsSql, r -> {
            long errors = r.path("errors").asLong();
            long n = attempts.getOrDefault(Arrays.asList(text(r, "playbook"), text(r, "step")), errors);
            String errorClass = text(r, "error_class");
            return new StepErrorRate(text(r, "playbook"), text(r, "step"), text(r, "template_id"),
                    errorClass == null || errorClass.isEmpty() ? null : errorClass, errors, n, (double) errors / n);
        });
    }

    @Override
    public List<AttemptOutcome> successByAttempt(String playbook, String step) {
        String events = events();
        return events == null ? List.of() : map("success by attempt",
                ClickHouseQueries.successByAttempt(events, playbook, step), r -> new AttemptOutcome(
                        r.path("a").asInt(), r.path("n").asLong(), r.path("ok").asLong(),
                        (double) r.path("ok").asLong() / r.path("n").asLong()));
    }

    @Override
    public List<DurationPoint> durationHistory(String playbook, String step, TimeRange range, int limit) {
        String events = events();
        return events == null ? List.of() : map("duration history",
                ClickHouseQueries.durationHistory(events, playbook, step, range, limit), r -> new DurationPoint(
                        r.path("ts_ms").isNull() ? null : Instant.ofEpochMilli(r.path("ts_ms").asLong()),
                        text(r, "execution_id"), r.path("a").asInt(), r.path("duration_ms").asLong(), text(r, "st")));
    }

    @Override
    public List<StatusCount> executionsByStatus(TimeRange range) {
        int version = currentVersion();
        return version == 0 ? List.of() : map("executions by status", ClickHouseQueries.executionsByStatus(
                db + "." + AnalyticsTables.of(AnalyticsTables.TRACES, version) + " FINAL", range),
                r -> new StatusCount(text(r, "s"), r.path("n").asLong()));
    }

    @Override
    public void close() {
        client.close();
        LOG.info("analytics store closed: ClickHouse {} database {}", settings.url(), db);
    }

    /** The stored {@code attempts} of one step metrics row, or -1 when there is none (for tests). */
    long storedStepMetricsCount(int version, String playbook, String step, Instant windowStart) {
        List<JsonNode> found = rows("read step metrics", "SELECT attempts FROM " + db + "."
                + AnalyticsTables.of(AnalyticsTables.STEP_METRICS, version) + " FINAL WHERE playbook = "
                + ClickHouseSql.literal(playbook) + " AND step = " + ClickHouseSql.literal(step)
                + " AND window_start_ms = " + windowStart.toEpochMilli());
        return found.isEmpty() ? -1 : found.getFirst().path("attempts").asLong();
    }

    private synchronized void readPointer() {
        List<JsonNode> rows = rows("read the analytics version pointer", "SELECT version, switched_at_ms FROM "
                + db + "." + AnalyticsTables.POINTER + " FINAL ORDER BY switched_at_ms DESC LIMIT 1");
        if (!rows.isEmpty()) {
            current = rows.getFirst().path("version").asInt();
            currentSwitchedMs = rows.getFirst().path("switched_at_ms").asLong();
        }
        pointerReadAt = System.currentTimeMillis();
    }

    /** @return the current events table with {@code FINAL}, or null before the first switch */
    private String events() {
        int version = currentVersion();
        return version == 0 ? null : db + "." + AnalyticsTables.of(AnalyticsTables.EVENTS, version) + " FINAL";
    }

    private void requireVersion(int version) {
        AnalyticsTables.of(AnalyticsTables.EVENTS, version);
        List<Integer> versions = versions();
        if (!versions.contains(version)) {
            throw new IllegalArgumentException("analytics version " + version + " does not exist; versions: "
                    + versions);
        }
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private <T> List<T> map(String what, String sql, Function<JsonNode, T> mapper) {
        List<T> out = new ArrayList<>();
        for (JsonNode row : rows(what, sql)) {
            out.add(mapper.apply(row));
        }
        return out;
    }

    private List<JsonNode> rows(String what, String sql) {
        try (QueryResponse response = await(what, client.query(sql + " FORMAT JSONEachRow"));
             BufferedReader reader = new BufferedReader(new InputStreamReader(response.getInputStream(),
                     StandardCharsets.UTF_8))) {
            List<JsonNode> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(Json.mapper().readTree(line));
                }
            }
            return rows;
        } catch (AnalyticsStoreException e) {
            throw e;
        } catch (Exception e) {
            throw failure(what, e);
        }
    }

    private void execute(String what, String sql) {
        try (CommandResponse ignored = await(what, client.execute(sql))) {
            LOG.debug("{}: done", what);
        } catch (AnalyticsStoreException e) {
            throw e;
        } catch (Exception e) {
            throw failure(what, e);
        }
    }

    private void insert(String what, String table, byte[] jsonEachRow) {
        try (InsertResponse ignored = await(what, client.insert(db + "." + table,
                new ByteArrayInputStream(jsonEachRow), ClickHouseFormat.JSONEachRow))) {
            LOG.debug("{}: {} bytes", what, jsonEachRow.length);
        } catch (AnalyticsStoreException e) {
            throw e;
        } catch (Exception e) {
            throw failure(what, e);
        }
    }

    private <T> T await(String what, CompletableFuture<T> future) {
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AnalyticsStoreException(what + " at " + settings.url() + ": no answer within " + timeoutMs
                    + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalyticsStoreException(what + " at " + settings.url() + ": interrupted", e);
        }
    }

    private AnalyticsStoreException failure(String what, Throwable e) {
        return new AnalyticsStoreException(what + " at " + settings.url() + " (database " + db + "): "
                + e.getMessage(), e);
    }
}

package io.noetl.sink.analytics.duckdb;

import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.sink.analytics.PageCursor;
import io.noetl.sink.analytics.StoredRecords;
import io.noetl.stores.analytics.AlertQuery;
import io.noetl.stores.analytics.AnalyticsTables;
import io.noetl.stores.analytics.AttemptOutcome;
import io.noetl.stores.analytics.DurationPoint;
import io.noetl.stores.analytics.Page;
import io.noetl.stores.analytics.StatusCount;
import io.noetl.stores.analytics.StepErrorRate;
import io.noetl.stores.analytics.StepLatency;
import io.noetl.stores.analytics.StepQuantiles;
import io.noetl.stores.analytics.TimeRange;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * The insight queries of the DuckDB store ({@link DuckDbQueries}) run against one version, with their rows mapped to
 * the store's records.
 */
final class DuckDbInsights {

    private final DuckDbJdbc jdbc;

    DuckDbInsights(DuckDbJdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<StepLatency> slowestSteps(int version, TimeRange range, int limit) {
        return jdbc.query(what("slowest steps", version), DuckDbQueries.slowestSteps(events(version), range, limit),
                List.of(), rs -> new StepLatency(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getDouble(6)));
    }

    List<StepErrorRate> errorRates(int version, TimeRange range, int limit) {
        return jdbc.query(what("error rates", version), DuckDbQueries.errorRates(events(version), range, limit),
                List.of(), rs -> new StepErrorRate(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), (double) rs.getLong(5) / rs.getLong(6)));
    }

    List<AttemptOutcome> successByAttempt(int version, String playbook, String step) {
        return jdbc.query(what("success by attempt", version), DuckDbQueries.successByAttempt(events(version)),
                List.of(playbook, step), rs -> new AttemptOutcome(rs.getInt(1), rs.getLong(2), rs.getLong(3),
                        (double) rs.getLong(3) / rs.getLong(2)));
    }

    List<DurationPoint> durationHistory(int version, String playbook, String step, TimeRange range, int limit) {
        return jdbc.query(what("duration history", version),
                DuckDbQueries.durationHistory(events(version), range, limit), List.of(playbook, step),
                rs -> new DurationPoint(rs.getObject(1) == null ? null : Instant.ofEpochMilli(rs.getLong(1)),
                        rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5)));
    }

    List<StatusCount> executionsByStatus(int version, TimeRange range) {
        return jdbc.query(what("executions by status", version), DuckDbQueries.executionsByStatus(
                AnalyticsTables.of(AnalyticsTables.TRACES, version), range), List.of(),
                rs -> new StatusCount(rs.getString(1), rs.getLong(2)));
    }

    List<StepQuantiles> stepQuantiles(int version, String playbook, TimeRange range) {
        return jdbc.query(what("step quantiles", version), DuckDbQueries.stepQuantiles(events(version), range),
                Collections.singletonList(playbook), rs -> new StepQuantiles(rs.getString("step"), rs.getLong("n"),
                        rs.getLong("failures"), rs.getDouble("p50"), rs.getDouble("p95"), rs.getDouble("p99"),
                        rs.getDouble("mx")));
    }

    List<ExecutionTrace> traces(int version, String playbook, TimeRange range, int limit) {
        DuckDbStatement sql = DuckDbQueries.traces(AnalyticsTables.of(AnalyticsTables.TRACES, version), playbook,
                range, limit);
        return jdbc.query(what("traces", version), sql.sql(), sql.params(),
                rs -> StoredRecords.trace(DuckDbRow.of(rs)));
    }

    Page<Alert> alerts(int version, AlertQuery query, PageCursor after) {
        DuckDbStatement sql = DuckDbQueries.alerts(AnalyticsTables.of(AnalyticsTables.ALERTS, version), query,
                after, query.limit() + 1);
        List<Alert> alerts = jdbc.query(what("alerts", version), sql.sql(), sql.params(),
                rs -> StoredRecords.alert(DuckDbRow.of(rs)));
        return PageCursor.page(alerts, query.limit(), a -> new PageCursor(
                a.detectedAt() == null ? 0 : a.detectedAt().toEpochMilli(), a.alertId()));
    }

    /** @return the stored {@code attempts} of one step metrics row, or -1 when there is none */
    long storedStepMetricsCount(int version, String playbook, String step, Instant windowStart) {
        String sql = "SELECT attempts FROM " + AnalyticsTables.of(AnalyticsTables.STEP_METRICS, version)
                + " WHERE playbook = ? AND step = ? AND epoch_ms(window_start) = " + windowStart.toEpochMilli();
        List<Long> found = jdbc.query("read step metrics", sql, List.of(playbook, step), rs -> rs.getLong(1));
        return found.isEmpty() ? -1 : found.getFirst();
    }

    private static String what(String query, int version) {
        return query + " from analytics version " + version;
    }

    private static String events(int version) {
        return AnalyticsTables.of(AnalyticsTables.EVENTS, version);
    }
}

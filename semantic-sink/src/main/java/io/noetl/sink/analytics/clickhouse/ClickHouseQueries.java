package io.noetl.sink.analytics.clickhouse;

import static io.noetl.sink.analytics.clickhouse.ClickHouseSql.literal;

import io.noetl.sink.analytics.PageCursor;
import io.noetl.stores.analytics.AlertQuery;
import io.noetl.stores.analytics.AnalyticsTables;
import io.noetl.stores.analytics.TimeRange;

/**
 * The insight queries in ClickHouse SQL (18.16 and later), over tables read with {@code FINAL}. Finished attempts
 * are {@code task_end} and {@code error} events; times are compared on the {@code _ms} columns; percentiles use
 * {@code quantile}, which interpolates between neighbours and is exact up to 8192 values per group.
 */
final class ClickHouseQueries {

    private static final String FINISHED = "kind IN ('task_end', 'error')";

    private ClickHouseQueries() {
    }

    static String slowestSteps(String events, TimeRange range, int limit) {
        return "SELECT playbook, step, count() AS n, quantile(0.5)(toFloat64(duration_ms)) AS p50, "
                + "quantile(0.95)(toFloat64(duration_ms)) AS p95, toFloat64(max(duration_ms)) AS mx FROM " + events
                + " WHERE " + FINISHED + " AND isNotNull(duration_ms)" + within("ts_ms", range)
                + " GROUP BY playbook, step ORDER BY p95 DESC, playbook, step LIMIT " + positive(limit);
    }

    static String attemptsPerStep(String events, TimeRange range) {
        return "SELECT playbook, step, count() AS n FROM " + events + " WHERE " + FINISHED + within("ts_ms", range)
                + " GROUP BY playbook, step";
    }

    /** Errors per (playbook, step, template) with the most frequent error class ('' when none). */
    static String errorsByTemplate(String events, TimeRange range, int limit) {
        return "SELECT playbook, step, template_id, topK(1)(ifNull(error_class, ''))[1] AS error_class, "
                + "count() AS errors FROM " + events + " WHERE kind = 'error'" + within("ts_ms", range)
                + " GROUP BY playbook, step, template_id ORDER BY errors DESC, playbook, step, isNull(template_id), "
                + "template_id LIMIT " + positive(limit);
    }

    static String successByAttempt(String events, String playbook, String step) {
        return "SELECT ifNull(attempt, 1) AS a, count() AS n, countIf(kind = 'task_end') AS ok FROM " + events
                + " WHERE " + FINISHED + " AND playbook = " + literal(playbook) + " AND step = " + literal(step)
                + " GROUP BY a ORDER BY a";
    }

    static String durationHistory(String events, String playbook, String step, TimeRange range, int limit) {
        return "SELECT ts_ms, execution_id, ifNull(attempt, 1) AS a, duration_ms, ifNull(status, "
                + "if(kind = 'task_end', 'COMPLETED', 'FAILED')) AS st FROM " + events + " WHERE " + FINISHED
                + " AND isNotNull(duration_ms) AND playbook = " + literal(playbook) + " AND step = " + literal(step)
                + within("ts_ms", range) + " ORDER BY ts_ms DESC, event_id DESC LIMIT " + positive(limit);
    }

    static String executionsByStatus(String traces, TimeRange range) {
        return "SELECT ifNull(status, 'UNKNOWN') AS s, count() AS n FROM " + traces + " WHERE 1"
                + within("started_at_ms", range) + " GROUP BY s ORDER BY n DESC, s";
    }

    static String stepQuantiles(String events, String playbook, TimeRange range) {
        return "SELECT step, count() AS n, countIf(ifNull(kind, '') = 'error') AS failures, "
                + "quantile(0.5)(toFloat64(duration_ms)) AS p50, quantile(0.95)(toFloat64(duration_ms)) AS p95, "
                + "quantile(0.99)(toFloat64(duration_ms)) AS p99, toFloat64(max(duration_ms)) AS mx FROM " + events
                + " WHERE " + FINISHED + " AND isNotNull(duration_ms) AND playbook = " + literal(playbook)
                + within("ts_ms", range) + " GROUP BY step ORDER BY isNull(step), step";
    }

    static String traces(String traces, String playbook, TimeRange range, int limit) {
        return "SELECT " + ClickHouseSql.select(AnalyticsTables.TRACES) + " FROM " + traces + " WHERE 1"
                + ClickHouseFailureQueries.equal("playbook", playbook) + within("started_at_ms", range)
                + " ORDER BY isNull(started_at_ms), started_at_ms DESC, execution_id DESC LIMIT " + positive(limit);
    }

    /** Alerts after the cursor, newest detected first, then by alert id (descending); {@code limit} rows. */
    static String alerts(String alerts, AlertQuery query, PageCursor after, int limit) {
        String sortMs = "ifNull(detected_at_ms, 0)";
        return "SELECT " + ClickHouseSql.select(AnalyticsTables.ALERTS) + " FROM " + alerts + " WHERE 1"
                + (query.since() == null ? "" : " AND detected_at_ms >= " + Math.max(0, query.since().toEpochMilli()))
                + ClickHouseFailureQueries.equal("severity", query.severity())
                + ClickHouseFailureQueries.equal("playbook", query.playbook())
                + ClickHouseFailureQueries.after(sortMs, "alert_id", after) + " ORDER BY " + sortMs
                + " DESC, alert_id DESC LIMIT " + positive(limit);
    }

    static String within(String column, TimeRange range) {
        StringBuilder sql = new StringBuilder();
        if (range.from() != null) {
            sql.append(" AND ").append(column).append(" >= ").append(Math.max(0, range.from().toEpochMilli()));
        }
        if (range.to() != null) {
            sql.append(" AND ").append(column).append(" < ").append(Math.max(0, range.to().toEpochMilli()));
        }
        return sql.toString();
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        return limit;
    }
}

package io.noetl.sink.analytics.duckdb;

import io.noetl.sink.analytics.PageCursor;
import io.noetl.stores.analytics.AlertQuery;
import io.noetl.stores.analytics.AnalyticsTables;
import io.noetl.stores.analytics.TimeRange;

/**
 * The insight queries in DuckDB SQL. Finished attempts are {@code task_end} and {@code error} events; percentiles
 * interpolate between neighbours ({@code quantile_cont}). Placeholders: playbook, then step, where named.
 */
final class DuckDbQueries {

    private static final String FINISHED = "kind IN ('task_end', 'error')";

    private DuckDbQueries() {
    }

    static String slowestSteps(String events, TimeRange range, int limit) {
        return "SELECT playbook, step, count(*), quantile_cont(duration_ms, 0.5), quantile_cont(duration_ms, 0.95), "
                + "max(duration_ms) FROM " + events + " WHERE " + FINISHED + " AND duration_ms IS NOT NULL"
                + within("ts", range) + " GROUP BY playbook, step ORDER BY 5 DESC, playbook, step LIMIT "
                + positive(limit);
    }

    static String errorRates(String events, TimeRange range, int limit) {
        return "WITH fin AS (SELECT playbook, step, kind, template_id, error_class FROM " + events + " WHERE "
                + FINISHED + within("ts", range) + "), "
                + "att AS (SELECT playbook, step, count(*) AS attempts FROM fin GROUP BY playbook, step), "
                + "err AS (SELECT playbook, step, template_id, mode(error_class) AS error_class, count(*) AS errors "
                + "FROM fin WHERE kind = 'error' GROUP BY playbook, step, template_id) "
                + "SELECT err.playbook, err.step, err.template_id, err.error_class, err.errors, att.attempts "
                + "FROM err JOIN att ON err.playbook IS NOT DISTINCT FROM att.playbook "
                + "AND err.step IS NOT DISTINCT FROM att.step "
                + "ORDER BY err.errors DESC, err.playbook, err.step, err.template_id NULLS LAST LIMIT "
                + positive(limit);
    }

    /** Placeholders: playbook, step. */
    static String successByAttempt(String events) {
        return "SELECT coalesce(attempt, 1) AS a, count(*), count(*) FILTER (WHERE kind = 'task_end') FROM "
                + events + " WHERE " + FINISHED + " AND playbook = ? AND step = ? GROUP BY a ORDER BY a";
    }

    /** Placeholders: playbook, step. */
    static String durationHistory(String events, TimeRange range, int limit) {
        return "SELECT epoch_ms(ts), execution_id, coalesce(attempt, 1), duration_ms, coalesce(status, "
                + "CASE WHEN kind = 'task_end' THEN 'COMPLETED' ELSE 'FAILED' END) FROM " + events + " WHERE "
                + FINISHED + " AND duration_ms IS NOT NULL AND playbook = ? AND step = ?" + within("ts", range)
                + " ORDER BY ts DESC NULLS LAST, event_id DESC LIMIT " + positive(limit);
    }

    static String executionsByStatus(String traces, TimeRange range) {
        return "SELECT coalesce(status, 'UNKNOWN') AS s, count(*) FROM " + traces + " WHERE true"
                + within("started_at", range) + " GROUP BY s ORDER BY 2 DESC, s";
    }

    /** Placeholder: playbook. */
    static String stepQuantiles(String events, TimeRange range) {
        return "SELECT step, count(*) AS n, count(*) FILTER (WHERE kind = 'error') AS failures, "
                + "quantile_cont(duration_ms, 0.5) AS p50, quantile_cont(duration_ms, 0.95) AS p95, "
                + "quantile_cont(duration_ms, 0.99) AS p99, max(duration_ms) AS mx FROM " + events + " WHERE "
                + FINISHED + " AND duration_ms IS NOT NULL AND playbook = ?" + within("ts", range)
                + " GROUP BY step ORDER BY step NULLS LAST";
    }

    /** Placeholder: playbook, when not null. */
    static DuckDbStatement traces(String traces, String playbook, TimeRange range, int limit) {
        return new DuckDbStatement("SELECT " + DuckDbSql.select(AnalyticsTables.TRACES) + " FROM " + traces
                + " WHERE true")
                .equal("playbook", playbook)
                .add(within("started_at", range)
                        + " ORDER BY started_at DESC NULLS LAST, execution_id DESC LIMIT " + positive(limit));
    }

    /** Alerts after the cursor, newest detected first, then by alert id (descending); {@code limit} rows. */
    static DuckDbStatement alerts(String alerts, AlertQuery query, PageCursor after, int limit) {
        DuckDbStatement sql = new DuckDbStatement("SELECT * FROM (SELECT " + DuckDbSql.select(AnalyticsTables.ALERTS)
                + ", coalesce(epoch_ms(detected_at), 0) AS sort_ms FROM " + alerts + ") a WHERE true");
        if (query.since() != null) {
            sql.add(" AND detected_at_ms >= " + query.since().toEpochMilli());
        }
        return sql.equal("severity", query.severity())
                .equal("playbook", query.playbook())
                .after("sort_ms", "alert_id", after)
                .add(" ORDER BY sort_ms DESC, alert_id DESC LIMIT " + positive(limit));
    }

    /** Range bounds as literals of epoch microseconds, so no time zone conversion happens in the driver. */
    static String within(String column, TimeRange range) {
        StringBuilder sql = new StringBuilder();
        if (range.from() != null) {
            sql.append(" AND ").append(column).append(" >= make_timestamp(")
                    .append(range.from().toEpochMilli() * 1000).append("::BIGINT)");
        }
        if (range.to() != null) {
            sql.append(" AND ").append(column).append(" < make_timestamp(")
                    .append(range.to().toEpochMilli() * 1000).append("::BIGINT)");
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

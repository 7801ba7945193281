package io.noetl.sink.analytics.clickhouse;

import static io.noetl.sink.analytics.clickhouse.ClickHouseSql.literal;

import io.noetl.sink.analytics.FailureQueries;
import io.noetl.sink.analytics.PageCursor;
import io.noetl.sink.analytics.RecoveryTally;
import io.noetl.stores.analytics.AnalyticsTables;
import io.noetl.stores.analytics.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The failure queries in ClickHouse SQL (18.16 and later) over a version's events table read with {@code FINAL}: an
 * execution's errors, fingerprints (error events by template id), the executions that hit one, resolutions, and
 * per-run recovery. Lists that page are ordered by a time ({@code sort_ms}, 0 when missing) and an id, both
 * descending, and read {@code limit} rows after the cursor. Aliases never repeat a column name (ClickHouse resolves
 * aliases across the whole query) and are the ones {@link io.noetl.sink.analytics.StoredRecords} reads.
 */
final class ClickHouseFailureQueries implements FailureQueries<String> {

    private final String database;

    /** @param database the database holding the versions' tables */
    ClickHouseFailureQueries(String database) {
        this.database = database;
    }

    /** @return a version's events table with {@code FINAL} */
    @Override
    public String events(int version) {
        return database + "." + AnalyticsTables.of(AnalyticsTables.EVENTS, version) + " FINAL";
    }

    @Override
    public String executionErrors(String events, String executionId) {
        return "SELECT event_id, execution_id, playbook, step, attempt, error_class, template_id, template, "
                + "error_message, ts_ms FROM " + events + " WHERE kind = 'error' AND execution_id = "
                + literal(executionId) + " ORDER BY isNull(ts_ms), ts_ms, event_id";
    }

    /** Fingerprints (only {@code templateId}'s when not null), counted over {@code playbook}'s errors when not null. */
    @Override
    public String fingerprints(String events, String templateId, String playbook, Instant since, PageCursor after,
            int limit) {
        return "SELECT * FROM (SELECT template_id, max(template) AS tpl, count() AS occurrences, "
                + "uniqExact(execution_id) AS executions, min(ts_ms) AS first_ms, max(ts_ms) AS last_ms, "
                + "ifNull(max(ts_ms), 0) AS sort_ms, groupUniqArray(playbook) AS playbooks, "
                + "groupUniqArray(concat(playbook, '/', step)) AS steps FROM " + events
                + " WHERE kind = 'error' AND isNotNull(template_id)" + equal("template_id", templateId)
                + equal("playbook", playbook) + " GROUP BY template_id) WHERE 1"
                + (since == null ? "" : " AND sort_ms >= " + Math.max(0, since.toEpochMilli()))
                + after("sort_ms", "template_id", after) + " ORDER BY sort_ms DESC, template_id DESC LIMIT " + limit;
    }

    /** Errors per (template, class) of some templates, over {@code playbook}'s errors when not null. */
    @Override
    public String classCounts(String events, List<String> templateIds, String playbook) {
        return "SELECT template_id, error_class, count() AS n FROM " + events
                + " WHERE kind = 'error' AND isNotNull(error_class) AND template_id IN " + list(templateIds)
                + equal("playbook", playbook) + " GROUP BY template_id, error_class";
    }

    @Override
    public String hits(String events, String templateId, PageCursor after, int limit) {
        return "SELECT * FROM (SELECT execution_id, argMax(playbook, ifNull(ts_ms, 0)) AS hit_playbook, "
                + "argMax(step, ifNull(ts_ms, 0)) AS hit_step, max(ts_ms) AS at_ms, "
                + "ifNull(max(ts_ms), 0) AS sort_ms FROM " + events
                + " WHERE kind = 'error' AND isNotNull(execution_id) AND template_id = " + literal(templateId)
                + " GROUP BY execution_id) WHERE 1" + after("sort_ms", "execution_id", after)
                + " ORDER BY sort_ms DESC, execution_id DESC LIMIT " + limit;
    }

    @Override
    public String resolutions(String events, List<String> executionIds) {
        return "SELECT event_id, execution_id, playbook, result, ts_ms FROM " + events
                + " WHERE kind = 'resolution' AND execution_id IN " + list(executionIds);
    }

    /** One row per run (execution) of a step that met an error, as {@link RecoveryTally} reads it. */
    @Override
    public String recoveryRuns(String events, String playbook, String step, TimeRange range) {
        return "SELECT execution_id, argMinIf(cls0, run_key, is_err) AS cls, minIf(run_key, is_err) AS first_key, "
                + "groupArrayIf(run_attempt, is_ok) AS successes FROM (SELECT execution_id, "
                + "ifNull(error_class, 'unknown') AS cls0, toInt64(ifNull(attempt, 1)) AS run_attempt, "
                + "toInt64(ifNull(attempt, 1)) * " + RecoveryTally.ATTEMPT_WEIGHT
                + " + toInt64(ifNull(ts_ms, 0)) AS run_key, ifNull(kind, '') = 'error' AS is_err, "
                + "ifNull(kind, '') = 'task_end' AS is_ok FROM " + events
                + " WHERE kind IN ('task_end', 'error') AND isNotNull(execution_id) AND playbook = "
                + literal(playbook) + " AND step = " + literal(step) + ClickHouseQueries.within("ts_ms", range)
                + ") GROUP BY execution_id HAVING countIf(is_err) > 0";
    }

    /** {@code AND column = value}, or nothing when the value is null. */
    static String equal(String column, String value) {
        return value == null ? "" : " AND " + column + " = " + literal(value);
    }

    /** The rows after a cursor of a list ordered by {@code sortMs} then {@code id}, both descending. */
    static String after(String sortMs, String id, PageCursor cursor) {
        if (cursor == null) {
            return "";
        }
        return " AND (" + sortMs + " < " + cursor.millis() + " OR (" + sortMs + " = " + cursor.millis() + " AND "
                + id + " < " + literal(cursor.id()) + "))";
    }

    private static String list(List<String> values) {
        return values.stream().map(ClickHouseSql::literal).collect(Collectors.joining(", ", "(", ")"));
    }
}

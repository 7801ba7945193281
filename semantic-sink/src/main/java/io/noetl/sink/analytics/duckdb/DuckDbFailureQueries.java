package io.noetl.sink.analytics.duckdb;

import io.noetl.sink.analytics.FailureQueries;
import io.noetl.sink.analytics.PageCursor;
import io.noetl.sink.analytics.RecoveryTally;
import io.noetl.stores.analytics.AnalyticsTables;
import io.noetl.stores.analytics.TimeRange;
import java.time.Instant;
import java.util.List;

/**
 * The failure queries in DuckDB SQL, over a version's events table: an execution's errors, fingerprints (error
 * events by template id), the executions that hit one, resolutions, and per-run recovery. Lists that page are
 * ordered by a time ({@code sort_ms}, 0 when missing) and an id, both descending, and read {@code limit} rows after
 * the cursor. Column aliases are the ones {@link io.noetl.sink.analytics.StoredRecords} reads.
 */
final class DuckDbFailureQueries implements FailureQueries<DuckDbStatement> {

    @Override
    public String events(int version) {
        return AnalyticsTables.of(AnalyticsTables.EVENTS, version);
    }

    @Override
    public DuckDbStatement executionErrors(String events, String executionId) {
        return new DuckDbStatement("SELECT event_id, execution_id, playbook, step, attempt, error_class, template_id, "
                + "template, error_message, epoch_ms(ts) AS ts_ms FROM " + events + " WHERE kind = 'error'")
                .add(" AND execution_id = ?", executionId)
                .add(" ORDER BY ts NULLS LAST, event_id");
    }

    /** Fingerprints (only {@code templateId}'s when not null), counted over {@code playbook}'s errors when not null. */
    @Override
    public DuckDbStatement fingerprints(String events, String templateId, String playbook, Instant since,
            PageCursor after, int limit) {
        DuckDbStatement sql = new DuckDbStatement("SELECT * FROM (SELECT template_id, max(template) AS tpl, "
                + "count(*) AS occurrences, count(DISTINCT execution_id) AS executions, "
                + "min(epoch_ms(ts)) AS first_ms, max(epoch_ms(ts)) AS last_ms, "
                + "coalesce(max(epoch_ms(ts)), 0) AS sort_ms, "
                + "list(DISTINCT playbook) FILTER (WHERE playbook IS NOT NULL) AS playbooks, "
                + "list(DISTINCT playbook || '/' || step) FILTER (WHERE playbook IS NOT NULL AND step IS NOT NULL) "
                + "AS steps FROM " + events + " WHERE kind = 'error' AND template_id IS NOT NULL")
                .equal("template_id", templateId)
                .equal("playbook", playbook)
                .add(" GROUP BY template_id) f WHERE true");
        if (since != null) {
            sql.add(" AND sort_ms >= " + since.toEpochMilli());
        }
        return sql.after("sort_ms", "template_id", after)
                .add(" ORDER BY sort_ms DESC, template_id DESC LIMIT " + limit);
    }

    /** Errors per (template, class) of some templates, over {@code playbook}'s errors when not null. */
    @Override
    public DuckDbStatement classCounts(String events, List<String> templateIds, String playbook) {
        return new DuckDbStatement("SELECT template_id, error_class, count(*) AS n FROM " + events
                + " WHERE kind = 'error' AND error_class IS NOT NULL AND ")
                .in("template_id", templateIds)
                .equal("playbook", playbook)
                .add(" GROUP BY template_id, error_class");
    }

    @Override
    public DuckDbStatement hits(String events, String templateId, PageCursor after, int limit) {
        return new DuckDbStatement("SELECT * FROM (SELECT execution_id, "
                + "arg_max(playbook, coalesce(epoch_ms(ts), 0)) AS hit_playbook, "
                + "arg_max(step, coalesce(epoch_ms(ts), 0)) AS hit_step, max(epoch_ms(ts)) AS at_ms, "
                + "coalesce(max(epoch_ms(ts)), 0) AS sort_ms FROM " + events
                + " WHERE kind = 'error' AND execution_id IS NOT NULL")
                .add(" AND template_id = ?", templateId)
                .add(" GROUP BY execution_id) h WHERE true")
                .after("sort_ms", "execution_id", after)
                .add(" ORDER BY sort_ms DESC, execution_id DESC LIMIT " + limit);
    }

    @Override
    public DuckDbStatement resolutions(String events, List<String> executionIds) {
        return new DuckDbStatement("SELECT event_id, execution_id, playbook, result, epoch_ms(ts) AS ts_ms FROM "
                + events + " WHERE kind = 'resolution' AND ")
                .in("execution_id", executionIds);
    }

    /** One row per run (execution) of a step that met an error, as {@link RecoveryTally} reads it. */
    @Override
    public DuckDbStatement recoveryRuns(String events, String playbook, String step, TimeRange range) {
        return new DuckDbStatement("SELECT execution_id, arg_min(cls0, run_key) FILTER (WHERE is_err) AS cls, "
                + "min(run_key) FILTER (WHERE is_err) AS first_key, list(a) FILTER (WHERE is_ok) AS successes "
                + "FROM (SELECT execution_id, coalesce(error_class, 'unknown') AS cls0, coalesce(attempt, 1) AS a, "
                + "coalesce(attempt, 1)::BIGINT * " + RecoveryTally.ATTEMPT_WEIGHT
                + " + coalesce(epoch_ms(ts), 0) AS run_key, kind = 'error' AS is_err, kind = 'task_end' AS is_ok "
                + "FROM " + events + " WHERE kind IN ('task_end', 'error') AND execution_id IS NOT NULL")
                .add(" AND playbook = ?", playbook)
                .add(" AND step = ?", step)
                .add(DuckDbQueries.within("ts", range))
                .add(") r GROUP BY execution_id HAVING count(*) FILTER (WHERE is_err) > 0");
    }
}

package io.noetl.sink.analytics;

import static io.noetl.sink.analytics.AnalyticsColumn.bool;
import static io.noetl.sink.analytics.AnalyticsColumn.float64;
import static io.noetl.sink.analytics.AnalyticsColumn.int32;
import static io.noetl.sink.analytics.AnalyticsColumn.int64;
import static io.noetl.sink.analytics.AnalyticsColumn.string;
import static io.noetl.sink.analytics.AnalyticsColumn.time;

import io.noetl.stores.analytics.AnalyticsTables;
import java.util.List;
import java.util.Map;

/**
 * The columns of each analytics table (by base name, see {@link AnalyticsTables}) and its key, shared by every
 * store so that all of them hold the same rows. JSON documents (result, meta, trace steps, lists) are kept as text.
 */
public final class AnalyticsSchema {

    /** {@code noetl_events}: one row per event id. */
    public static final List<AnalyticsColumn> EVENTS = List.of(
            string("event_id"), string("execution_id"), string("parent_execution_id"), string("parent_event_id"),
            string("command_id"), string("playbook"), int32("playbook_version"), string("step"),
            string("tool_kind"), string("event_type"), string("kind"), string("status"), time("ts"),
            time("ingested_at"), int64("duration_ms"), int32("attempt"), string("worker_id"), string("result"),
            string("error_type"), string("error_message"), string("error_stack"), bool("error_retriable"),
            string("logs"), string("meta"), string("error_class"), string("template_id"), string("template"),
            string("truncated"));

    /** {@code noetl_traces}: one row per execution id, the version with the most events. */
    public static final List<AnalyticsColumn> TRACES = List.of(
            string("execution_id"), string("parent_execution_id"), string("playbook"), int32("playbook_version"),
            string("status"), time("started_at"), time("ended_at"), int64("duration_ms"), string("steps"),
            string("critical_path"), string("failed_step"), string("root_error"), string("root_error_class"),
            string("root_template_id"), int64("event_count"), time("last_event_at"), string("truncated"));

    /** {@code noetl_step_metrics}: one row per (playbook, step, window_start), the one with the highest count. */
    public static final List<AnalyticsColumn> STEP_METRICS = List.of(
            string("playbook"), string("step"), time("window_start"), time("window_end"), int64("attempts"),
            int64("failures"), int64("retries"), float64("error_rate"), float64("p50_ms"), float64("p95_ms"),
            float64("p99_ms"), float64("max_ms"));

    /** {@code noetl_alerts}: one row per alert id. */
    public static final List<AnalyticsColumn> ALERTS = List.of(
            string("alert_id"), string("type"), string("severity"), string("alert_key"), string("playbook"),
            string("step"), time("window_start"), time("window_end"), float64("observed"), float64("expected"),
            float64("score"), string("message"), string("execution_ids"), string("template_id"),
            time("detected_at"));

    /** {@code noetl_decisions}: one row per decision event id. */
    public static final List<AnalyticsColumn> DECISIONS = List.of(
            string("event_id"), string("execution_id"), string("playbook"), string("step"), string("action"),
            string("decided_by"), string("reasoning"), time("decided_at"));

    private static final Map<String, List<AnalyticsColumn>> COLUMNS = Map.of(
            AnalyticsTables.EVENTS, EVENTS, AnalyticsTables.TRACES, TRACES, AnalyticsTables.STEP_METRICS,
            STEP_METRICS, AnalyticsTables.ALERTS, ALERTS, AnalyticsTables.DECISIONS, DECISIONS);

    private static final Map<String, List<String>> KEYS = Map.of(
            AnalyticsTables.EVENTS, List.of("event_id"),
            AnalyticsTables.TRACES, List.of("execution_id"),
            AnalyticsTables.STEP_METRICS, List.of("playbook", "step", "window_start"),
            AnalyticsTables.ALERTS, List.of("alert_id"),
            AnalyticsTables.DECISIONS, List.of("event_id"));

    private AnalyticsSchema() {
    }

    /** @return the columns of a table, in order */
    public static List<AnalyticsColumn> columns(String base) {
        List<AnalyticsColumn> columns = COLUMNS.get(base);
        if (columns == null) {
            throw new IllegalArgumentException("unknown analytics table " + base + "; known: " + AnalyticsTables.ALL);
        }
        return columns;
    }

    /** @return the key columns of a table (never null in a stored row) */
    public static List<String> key(String base) {
        columns(base);
        return KEYS.get(base);
    }
}

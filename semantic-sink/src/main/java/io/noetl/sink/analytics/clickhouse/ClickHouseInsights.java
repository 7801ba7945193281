package io.noetl.sink.analytics.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The insight queries of the ClickHouse store ({@link ClickHouseQueries}) run against one version's tables, read with
 * {@code FINAL}, with their rows mapped to the store's records.
 */
final class ClickHouseInsights {

    private final ClickHouseHttp http;

    ClickHouseInsights(ClickHouseHttp http) {
        this.http = http;
    }

    List<StepLatency> slowestSteps(int version, TimeRange range, int limit) {
        return http.map("slowest steps", ClickHouseQueries.slowestSteps(events(version), range, limit),
                r -> new StepLatency(text(r, "playbook"), text(r, "step"), r.path("n").asLong(),
                        r.path("p50").asDouble(), r.path("p95").asDouble(), r.path("mx").asDouble()));
    }

    /** Errors per template, each over its step's finished attempts (read first, by a query of their own). */
    List<StepErrorRate> errorRates(int version, TimeRange range, int limit) {
        String events = events(version);
        String errorsSql = ClickHouseQueries.errorsByTemplate(events, range, limit);
        Map<List<String>, Long> attempts = new HashMap<>();
        for (JsonNode r : http.rows("attempts per step", ClickHouseQueries.attemptsPerStep(events, range))) {
            attempts.put(Arrays.asList(text(r, "playbook"), text(r, "step")), r.path("n").asLong());
        }
        return http.map("error rates", errorsSql, r -> {
            long errors = r.path("errors").asLong();
            long n = attempts.getOrDefault(Arrays.asList(text(r, "playbook"), text(r, "step")), errors);
            String errorClass = text(r, "error_class");
            return new StepErrorRate(text(r, "playbook"), text(r, "step"), text(r, "template_id"),
                    errorClass == null || errorClass.isEmpty() ? null : errorClass, errors, n, (double) errors / n);
        });
    }

    List<AttemptOutcome> successByAttempt(int version, String playbook, String step) {
        return http.map("success by attempt", ClickHouseQueries.successByAttempt(events(version), playbook, step),
                r -> new AttemptOutcome(r.path("a").asInt(), r.path("n").asLong(), r.path("ok").asLong(),
                        (double) r.path("ok").asLong() / r.path("n").asLong()));
    }

    List<DurationPoint> durationHistory(int version, String playbook, String step, TimeRange range, int limit) {
        return http.map("duration history",
                ClickHouseQueries.durationHistory(events(version), playbook, step, range, limit),
                r -> new DurationPoint(
                        r.path("ts_ms").isNull() ? null : Instant.ofEpochMilli(r.path("ts_ms").asLong()),
                        text(r, "execution_id"), r.path("a").asInt(), r.path("duration_ms").asLong(), text(r, "st")));
    }

    List<StatusCount> executionsByStatus(int version, TimeRange range) {
        return http.map("executions by status", ClickHouseQueries.executionsByStatus(
                http.database() + "." + AnalyticsTables.of(AnalyticsTables.TRACES, version) + " FINAL", range),
                r -> new StatusCount(text(r, "s"), r.path("n").asLong()));
    }

    List<StepQuantiles> stepQuantiles(int version, String playbook, TimeRange range) {
        return http.map("step quantiles", ClickHouseQueries.stepQuantiles(events(version), playbook, range),
                r -> new StepQuantiles(text(r, "step"), r.path("n").asLong(), r.path("failures").asLong(),
                        r.path("p50").asDouble(), r.path("p95").asDouble(), r.path("p99").asDouble(),
                        r.path("mx").asDouble()));
    }

    List<ExecutionTrace> traces(int version, String playbook, TimeRange range, int limit) {
        return http.map("traces", ClickHouseQueries.traces(table(AnalyticsTables.TRACES, version), playbook, range,
                limit), r -> StoredRecords.trace(new ClickHouseRow(r)));
    }

    Page<Alert> alerts(int version, AlertQuery query, PageCursor after) {
        List<Alert> alerts = http.map("alerts", ClickHouseQueries.alerts(table(AnalyticsTables.ALERTS, version),
                query, after, query.limit() + 1), r -> StoredRecords.alert(new ClickHouseRow(r)));
        return PageCursor.page(alerts, query.limit(), a -> new PageCursor(
                a.detectedAt() == null ? 0 : a.detectedAt().toEpochMilli(), a.alertId()));
    }

    /** @return the stored {@code attempts} of one step metrics row, or -1 when there is none */
    long storedStepMetricsCount(int version, String playbook, String step, Instant windowStart) {
        List<JsonNode> found = http.rows("read step metrics", "SELECT attempts FROM " + http.database() + "."
                + AnalyticsTables.of(AnalyticsTables.STEP_METRICS, version) + " FINAL WHERE playbook = "
                + ClickHouseSql.literal(playbook) + " AND step = " + ClickHouseSql.literal(step)
                + " AND window_start_ms = " + windowStart.toEpochMilli());
        return found.isEmpty() ? -1 : found.getFirst().path("attempts").asLong();
    }

    /** @return a version's events table with {@code FINAL} */
    private String events(int version) {
        return table(AnalyticsTables.EVENTS, version);
    }

    /** @return a version's table with {@code FINAL} */
    private String table(String base, int version) {
        return http.database() + "." + AnalyticsTables.of(base, version) + " FINAL";
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}

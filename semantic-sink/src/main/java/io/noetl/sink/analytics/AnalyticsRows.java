package io.noetl.sink.analytics;

import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.RootError;
import io.noetl.schemas.stream.StepMetrics;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.AnalyticsTables;
import io.noetl.stores.analytics.DecisionRow;
import io.noetl.stores.analytics.Rejected;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a batch into table rows laid out as {@link AnalyticsSchema} says: checks each record (a key present, no
 * field over {@link AnalyticsTables#MAX_FIELD_BYTES}) and keeps one row per key within the batch by the same rule
 * the stores apply across writes (traces: most events, then latest event; step metrics: highest count; others: the
 * first). Rows are {@code Object[]} aligned with the table's columns.
 *
 * @param rows     rows per table base name, in {@link AnalyticsTables#ALL} order; a table without rows is absent
 * @param rejected the records that cannot be written, with the reason
 */
public record AnalyticsRows(Map<String, List<Object[]>> rows, List<Rejected> rejected) {

    /** Traces: most events first, then latest last event. */
    public static final Comparator<ExecutionTrace> TRACE_PRECEDENCE = Comparator
            .comparingLong(ExecutionTrace::eventCount)
            .thenComparing(ExecutionTrace::lastEventAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** @return the rows and rejects of a batch */
    public static AnalyticsRows of(AnalyticsBatch batch) {
        List<Rejected> rejected = new ArrayList<>();
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        put(rows, AnalyticsTables.EVENTS, keep(batch.events(), NormalizedEvent::eventId, AnalyticsRows::eventRow,
                "event_id", null, rejected));
        put(rows, AnalyticsTables.TRACES, keep(batch.traces(), ExecutionTrace::executionId, AnalyticsRows::traceRow,
                "execution_id", TRACE_PRECEDENCE, rejected));
        put(rows, AnalyticsTables.STEP_METRICS, keep(batch.stepMetrics(), AnalyticsRows::metricsKey,
                AnalyticsRows::metricsRow, "playbook_path, step and window_start",
                Comparator.comparingLong(StepMetrics::count), rejected));
        put(rows, AnalyticsTables.ALERTS, keep(batch.alerts(), Alert::alertId, AnalyticsRows::alertRow, "alert_id",
                null, rejected));
        put(rows, AnalyticsTables.DECISIONS, keep(batch.decisions(), DecisionRow::eventId,
                AnalyticsRows::decisionRow, "event_id", null, rejected));
        return new AnalyticsRows(rows, List.copyOf(rejected));
    }

    /** @return the rows of one table, empty when none */
    public List<Object[]> table(String base) {
        return rows.getOrDefault(base, List.of());
    }

    private static void put(Map<String, List<Object[]>> rows, String base, List<Object[]> tableRows) {
        if (!tableRows.isEmpty()) {
            rows.put(base, tableRows);
        }
    }

    private static <T> List<Object[]> keep(List<T> records, Function<T, String> key, Function<T, Object[]> toRow,
            String keyName, Comparator<T> precedence, List<Rejected> rejected) {
        Map<String, T> chosen = new LinkedHashMap<>();
        Map<String, Object[]> rowsByKey = new LinkedHashMap<>();
        for (T record : records) {
            if (record == null) {
                rejected.add(new Rejected(null, "record is null"));
                continue;
            }
            String k = key.apply(record);
            if (k == null || k.isBlank()) {
                rejected.add(new Rejected(record, keyName + " is missing"));
                continue;
            }
            Object[] row = toRow.apply(record);
            String tooLong = oversized(row, record);
            if (tooLong != null) {
                rejected.add(new Rejected(record, tooLong));
                continue;
            }
            T previous = chosen.get(k);
            if (previous == null || (precedence != null && precedence.compare(record, previous) >= 0)) {
                chosen.put(k, record);
                rowsByKey.put(k, row);
            }
        }
        return new ArrayList<>(rowsByKey.values());
    }

    private static String oversized(Object[] row, Object record) {
        List<AnalyticsColumn> columns = columnsOf(record);
        for (int i = 0; i < row.length; i++) {
            if (row[i] instanceof String s && s.length() > AnalyticsTables.MAX_FIELD_BYTES / 3) {
                int bytes = s.getBytes(StandardCharsets.UTF_8).length;
                if (bytes > AnalyticsTables.MAX_FIELD_BYTES) {
                    return "field " + columns.get(i).name() + " is " + bytes + " bytes, over the limit of "
                            + AnalyticsTables.MAX_FIELD_BYTES;
                }
            }
        }
        return null;
    }

    private static List<AnalyticsColumn> columnsOf(Object record) {
        return switch (record) {
            case NormalizedEvent e -> AnalyticsSchema.EVENTS;
            case ExecutionTrace t -> AnalyticsSchema.TRACES;
            case StepMetrics m -> AnalyticsSchema.STEP_METRICS;
            case Alert a -> AnalyticsSchema.ALERTS;
            case DecisionRow d -> AnalyticsSchema.DECISIONS;
            default -> throw new IllegalArgumentException("not an analytics record: " + record.getClass());
        };
    }

    private static String metricsKey(StepMetrics m) {
        if (m.playbookPath() == null || m.step() == null || m.windowStart() == null) {
            return null;
        }
        return m.playbookPath() + '\u0000' + m.step() + '\u0000' + m.windowStart().toEpochMilli();
    }

    private static Object[] eventRow(NormalizedEvent e) {
        ErrorInfo error = e.error();
        return new Object[] {e.eventId(), e.executionId(), e.parentExecutionId(), e.parentEventId(), e.commandId(),
            e.playbookPath(), e.playbookVersion(), e.step(), e.toolKind(), e.eventType(), e.kind(), e.status(),
            millis(e.timestamp()), millis(e.ingestedAt()), e.durationMs(), e.attempt(), e.workerId(),
            json(e.result()), error == null ? null : error.type(), error == null ? null : error.message(),
            error == null ? null : error.stack(), error == null ? null : error.retriable(), e.logs(),
            json(e.meta()), e.errorClass(), e.templateId(), e.template(), json(e.truncated())};
    }

    private static Object[] traceRow(ExecutionTrace t) {
        RootError root = t.rootError();
        return new Object[] {t.executionId(), t.parentExecutionId(), t.playbookPath(), t.playbookVersion(),
            t.status(), millis(t.startedAt()), millis(t.endedAt()), t.durationMs(), json(t.steps()),
            json(t.criticalPath()), t.failedStep(), json(root), root == null ? null : root.errorClass(),
            root == null ? null : root.templateId(), t.eventCount(), millis(t.lastEventAt()), json(t.truncated())};
    }

    private static Object[] metricsRow(StepMetrics m) {
        return new Object[] {m.playbookPath(), m.step(), millis(m.windowStart()), millis(m.windowEnd()), m.count(),
            m.failures(), m.retries(), m.errorRate(), m.durationP50Ms(), m.durationP95Ms(), m.durationP99Ms(),
            m.durationMaxMs()};
    }

    private static Object[] alertRow(Alert a) {
        return new Object[] {a.alertId(), a.type(), a.severity(), a.key(), a.playbookPath(), a.step(),
            millis(a.windowStart()), millis(a.windowEnd()), a.observed(), a.expected(), a.score(), a.message(),
            json(a.executionIds()), a.templateId(), millis(a.detectedAt())};
    }

    private static Object[] decisionRow(DecisionRow d) {
        return new Object[] {d.eventId(), d.executionId(), d.playbook(), d.step(), d.action(), d.decidedBy(),
            d.reasoning(), millis(d.decidedAt())};
    }

    /** Times are kept to the millisecond in every store. */
    private static Instant millis(Instant t) {
        return t == null ? null : Instant.ofEpochMilli(t.toEpochMilli());
    }

    private static String json(Object value) {
        return value == null ? null : Json.string(value);
    }
}

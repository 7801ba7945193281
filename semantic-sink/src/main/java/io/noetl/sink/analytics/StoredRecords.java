package io.noetl.sink.analytics;

import com.fasterxml.jackson.core.type.TypeReference;
import io.noetl.schemas.Json;
import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.RootError;
import io.noetl.schemas.stream.StepTrace;
import io.noetl.stores.analytics.AnalyticsStoreException;
import io.noetl.stores.analytics.ErrorOccurrence;
import io.noetl.stores.analytics.ExecutionHit;
import io.noetl.stores.analytics.Fingerprint;
import java.io.IOException;
import java.util.List;

/**
 * Rebuilds the store's records from rows read back, the same way in every store: plain columns by the names of
 * {@link AnalyticsSchema}, JSON text columns (trace steps, critical path, root error, alert executions) with the
 * project's {@link Json} mapper, as {@link AnalyticsRows} wrote them. Aggregated rows use the aliases named below.
 */
public final class StoredRecords {

    private static final TypeReference<List<StepTrace>> STEPS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private StoredRecords() {
    }

    /** An error event: the {@code noetl_events} columns of {@link ErrorOccurrence} and {@code ts_ms}. */
    public static ErrorOccurrence errorOccurrence(StoredRow r) {
        return new ErrorOccurrence(r.text("event_id"), r.text("execution_id"), r.text("playbook"), r.text("step"),
                r.integer("attempt"), r.text("error_class"), r.text("template_id"), r.text("template"),
                r.text("error_message"), r.time("ts"));
    }

    /** A {@code noetl_traces} row, times as {@code <column>_ms}. */
    public static ExecutionTrace trace(StoredRow r) {
        Long events = r.number("event_count");
        return new ExecutionTrace(r.text("execution_id"), r.text("parent_execution_id"), r.text("playbook"),
                r.integer("playbook_version"), r.text("status"), r.time("started_at"), r.time("ended_at"),
                r.number("duration_ms"), json(r.text("steps"), STEPS, "trace steps"),
                json(r.text("critical_path"), STRINGS, "trace critical path"), r.text("failed_step"),
                json(r.text("root_error"), new TypeReference<RootError>() { }, "trace root error"),
                events == null ? 0 : events, r.time("last_event_at"), json(r.text("truncated"), STRINGS,
                "trace truncation"));
    }

    /** A {@code noetl_alerts} row, times as {@code <column>_ms}. */
    public static Alert alert(StoredRow r) {
        return new Alert(r.text("alert_id"), r.text("type"), r.text("severity"), r.text("alert_key"),
                r.text("playbook"), r.text("step"), r.time("window_start"), r.time("window_end"),
                orZero(r.decimal("observed")), orZero(r.decimal("expected")), orZero(r.decimal("score")),
                r.text("message"), json(r.text("execution_ids"), STRINGS, "alert executions"),
                r.text("template_id"), r.time("detected_at"));
    }

    /**
     * One fingerprint's aggregate: {@code template_id}, {@code tpl}, {@code occurrences}, {@code executions},
     * {@code first_ms}, {@code last_ms}, and the arrays {@code playbooks} and {@code steps}.
     */
    public static Fingerprint fingerprint(StoredRow r, String errorClass) {
        return new Fingerprint(r.text("template_id"), r.text("tpl"), errorClass, orZero(r.number("occurrences")),
                orZero(r.number("executions")), r.time("first"), r.time("last"), sorted(r.texts("playbooks")),
                sorted(r.texts("steps")));
    }

    /**
     * One execution's hits of a fingerprint: {@code execution_id}, {@code hit_playbook}, {@code hit_step},
     * {@code at_ms}.
     */
    public static ExecutionHit hit(StoredRow r) {
        return new ExecutionHit(r.text("execution_id"), r.text("hit_playbook"), r.text("hit_step"), r.time("at"));
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static <T> T json(String text, TypeReference<T> type, String what) {
        if (text == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(text, type);
        } catch (IOException e) {
            throw new AnalyticsStoreException("read stored " + what + ": " + e.getMessage(), e);
        }
    }
}

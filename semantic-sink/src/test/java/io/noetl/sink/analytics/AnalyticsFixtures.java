package io.noetl.sink.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.RootError;
import io.noetl.schemas.stream.StepAttempt;
import io.noetl.schemas.stream.StepMetrics;
import io.noetl.schemas.stream.StepTrace;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.DecisionRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rows for the analytics store contracts: events, errors, resolutions, traces, step metrics, alerts, decisions and
 * the batches made of them. The contracts' expected values are computed by hand from these rows.
 */
public final class AnalyticsFixtures {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    public static final String PB = "pb/a";

    private AnalyticsFixtures() {
    }

    public static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    public static NormalizedEvent event(String id, String execution, String step, String kind, Integer attempt,
            Long durationMs, Instant ts, String templateId, String errorClass) {
        return event(PB, id, execution, step, kind, attempt, durationMs, ts, templateId, errorClass);
    }

    public static NormalizedEvent event(String playbook, String id, String execution, String step, String kind,
            Integer attempt, Long durationMs, Instant ts, String templateId, String errorClass) {
        String status = switch (kind) {
            case Kinds.TASK_END -> "COMPLETED";
            case Kinds.ERROR -> "FAILED";
            default -> "RUNNING";
        };
        ErrorInfo error = Kinds.ERROR.equals(kind) ? ErrorInfo.of("Timeout", "boom in " + step) : null;
        return new NormalizedEvent(id, execution, null, null, "cmd-" + id, playbook, 1, step, "python",
                Kinds.ERROR.equals(kind) ? "call.error" : "call.done", kind, status, ts, ts, durationMs, attempt,
                "w1", null, error, null, Map.of("k", "v"), errorClass, templateId,
                templateId == null ? null : "template <*>", null);
    }

    /** An error event without a duration; its message is {@code boom in <step>}, its template {@code template <*>}. */
    public static NormalizedEvent error(String playbook, String id, String execution, String step, int attempt,
            Instant ts, String templateId, String errorClass) {
        return event(playbook, id, execution, step, Kinds.ERROR, attempt, null, ts, templateId, errorClass);
    }

    /** A {@code resolution.recorded} event: what fixed an execution ({@code by} may be null). */
    public static NormalizedEvent resolution(String id, String execution, String text, String by, Instant ts) {
        ObjectNode result = Json.object().put("text", text);
        if (by != null) {
            result.put("by", by);
        }
        return new NormalizedEvent(id, execution, null, null, null, PB, 1, null, null,
                EventTypes.RESOLUTION_RECORDED, Kinds.RESOLUTION, null, ts, ts, null, null, null, result, null, null,
                null, null, null, null, null);
    }

    /**
     * Step {@code fetch}: five successes of 100..500 ms (attempts 1,1,1,2,3 at minutes 1..5) and one error
     * (attempt 1, template t-500, no duration); step {@code load}: one success of 1000 ms, errors of 50 ms (t-timeout),
     * without duration (t-timeout) and without a template; step {@code parse}: one success of 10 ms; plus a
     * {@code task_start} with a duration, which no query counts.
     */
    public static List<NormalizedEvent> fixtureEvents() {
        List<NormalizedEvent> events = new ArrayList<>();
        int[] attempts = {1, 1, 1, 2, 3};
        for (int i = 0; i < 5; i++) {
            events.add(event("f" + i, "e" + i, "fetch", Kinds.TASK_END, attempts[i], 100L * (i + 1), at(i + 1),
                    null, null));
        }
        events.add(event("f-err", "e0", "fetch", Kinds.ERROR, 1, null, at(1).minusSeconds(10), "t-500", "http"));
        events.add(event("l-ok", "e1", "load", Kinds.TASK_END, 1, 1000L, at(10), null, null));
        events.add(event("l-err1", "e1", "load", Kinds.ERROR, 1, 50L, at(11), "t-timeout", "timeout"));
        events.add(event("l-err2", "e2", "load", Kinds.ERROR, 1, null, at(12), "t-timeout", "timeout"));
        events.add(event("l-err3", "e3", "load", Kinds.ERROR, 2, null, at(13), null, "unknown"));
        events.add(event("p-ok", "e1", "parse", Kinds.TASK_END, 1, 10L, at(20), null, null));
        events.add(event("p-start", "e1", "parse", Kinds.TASK_START, 1, 99_999L, at(19), null, null));
        return events;
    }

    public static ExecutionTrace trace(String execution, String status, Instant startedAt, long eventCount,
            Instant lastEventAt) {
        return new ExecutionTrace(execution, null, PB, 1, status, startedAt, null, null, List.of(), List.of(), null,
                null, eventCount, lastEventAt);
    }

    public static StepMetrics metrics(String step, Instant windowStart, long count) {
        return new StepMetrics(PB, step, windowStart, windowStart.plusSeconds(60), count, 1, 0, 1.0 / count, 10.0,
                20.0, 30.0, 40.0);
    }

    public static Alert alert(String id) {
        return new Alert(id, Alert.LATENCY_SPIKE, Alert.WARNING, PB + "/fetch", PB, "fetch", at(0), at(1), 900, 100,
                0.9, "fetch is slow", List.of("e1", "e2"), null, at(1));
    }

    public static Alert alert(String id, String severity, String playbook, Instant detectedAt) {
        return new Alert(id, Alert.ERROR_RATE_SPIKE, severity, playbook + "/load", playbook, "load",
                detectedAt.minusSeconds(60), detectedAt, 0.5, 0.1, 0.8, "load fails", List.of("e2"), "t-timeout",
                detectedAt);
    }

    /** A failed execution's trace with every part filled: a step of two attempts, root error, truncation. */
    public static ExecutionTrace richTrace(String execution, Instant startedAt) {
        Instant t = startedAt;
        List<StepAttempt> attempts = List.of(
                new StepAttempt(1, "c1", "FAILED", t, t.plusSeconds(30), 30_000L, "w1", "timeout", "t-timeout",
                        "read timed out"),
                new StepAttempt(2, "c2", "FAILED", t.plusSeconds(40), t.plusSeconds(90), 50_000L, "w2", "timeout",
                        "t-timeout", "read timed out"));
        return new ExecutionTrace(execution, "parent-1", PB, 2, "FAILED", t, t.plusSeconds(91), 91_000L,
                List.of(new StepTrace("fetch", "http", "FAILED", t, t.plusSeconds(90), 90_000L, attempts, "timeout",
                        "t-timeout")),
                List.of("fetch"), "fetch", new RootError("fetch", "ev-9", "Timeout", "timeout", "t-timeout",
                        "read <*>", "read timed out"), 7, t.plusSeconds(91), List.of(ExecutionTrace.CUT_ATTEMPTS));
    }

    public static DecisionRow decision(String id) {
        return new DecisionRow(id, "e1", PB, "approve_step", "approve", "ann", "looks fine", at(3));
    }

    public static AnalyticsBatch fullBatch() {
        return new AnalyticsBatch(fixtureEvents(),
                List.of(trace("e1", "COMPLETED", at(0), 10, at(5)), trace("e2", "FAILED", at(1), 8, at(6)),
                        trace("e3", "COMPLETED", at(2), 6, at(7)), trace("e4", "RUNNING", at(60), 2, at(61))),
                List.of(metrics("fetch", at(0), 3), metrics("load", at(0), 2)),
                List.of(alert("a1"), alert("a2")),
                List.of(decision("d1")));
    }

    /**
     * Step {@code call}: timeout runs recovered at attempts 2, 3 and 2 and one never recovered; a connection run never
     * recovered and one whose lowest-attempt error (connection) was recorded after a higher attempt's
     * (rate_limited), recovered at 3; a run whose error has no class; a run without error; and errors of another
     * step and another playbook.
     */
    public static List<NormalizedEvent> recoveryEvents() {
        String ok = Kinds.TASK_END;
        String err = Kinds.ERROR;
        return List.of(
                event(PB, "a1-1", "a1", "call", err, 1, 10L, at(1), "t1", "timeout"),
                event(PB, "a1-2", "a1", "call", ok, 2, 10L, at(2), null, null),
                event(PB, "a2-1", "a2", "call", err, 1, 10L, at(1), "t1", "timeout"),
                event(PB, "a2-2", "a2", "call", err, 2, 10L, at(2), "t1", "timeout"),
                event(PB, "a2-3", "a2", "call", ok, 3, 10L, at(3), null, null),
                event(PB, "a3-1", "a3", "call", err, 1, 10L, at(1), "t1", "timeout"),
                event(PB, "a3-2", "a3", "call", ok, 2, 10L, at(2), null, null),
                event(PB, "a4-1", "a4", "call", err, 1, 10L, at(1), "t1", "timeout"),
                event(PB, "a4-2", "a4", "call", err, 2, 10L, at(2), "t2", "connection"),
                event(PB, "b1-1", "b1", "call", err, 1, 10L, at(1), "t2", "connection"),
                event(PB, "b1-2", "b1", "call", err, 2, 10L, at(2), "t1", "timeout"),
                event(PB, "b2-2", "b2", "call", err, 2, 10L, at(1), "t3", "rate_limited"),
                event(PB, "b2-1", "b2", "call", err, 1, 10L, at(2), "t2", "connection"),
                event(PB, "b2-3", "b2", "call", ok, 3, 10L, at(3), null, null),
                event(PB, "c1-1", "c1", "call", err, 1, 10L, at(1), "t4", null),
                event(PB, "d1-1", "d1", "call", ok, 1, 10L, at(1), null, null),
                event(PB, "a1-other", "a1", "other", err, 1, 10L, at(1), "t1", "timeout"),
                event("pb/b", "z1-1", "z1", "call", err, 1, 10L, at(1), "t1", "timeout"));
    }
}

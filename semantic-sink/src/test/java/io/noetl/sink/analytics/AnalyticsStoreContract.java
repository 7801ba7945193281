package io.noetl.sink.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.noetl.stores.analytics.AlertQuery;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.AnalyticsTables;
import io.noetl.stores.analytics.AttemptOutcome;
import io.noetl.stores.analytics.ClassRecovery;
import io.noetl.stores.analytics.DecisionRow;
import io.noetl.stores.analytics.DurationPoint;
import io.noetl.stores.analytics.ErrorOccurrence;
import io.noetl.stores.analytics.ExecutionHit;
import io.noetl.stores.analytics.Fingerprint;
import io.noetl.stores.analytics.Page;
import io.noetl.stores.analytics.Rejected;
import io.noetl.stores.analytics.ResolutionRow;
import io.noetl.stores.analytics.StatusCount;
import io.noetl.stores.analytics.StepErrorRate;
import io.noetl.stores.analytics.StepLatency;
import io.noetl.stores.analytics.StepQuantiles;
import io.noetl.stores.analytics.TableCounts;
import io.noetl.stores.analytics.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AnalyticsStore} must do. An implementation's test extends this class and says how to open an
 * empty store, how to reopen it on the same data, and how to read the stored count of one step metrics row. Expected
 * values are computed by hand from the fixture below.
 */
public abstract class AnalyticsStoreContract {

    protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    protected static final String PB = "pb/a";

    protected AnalyticsStore store;

    /** @return a new, empty store for one test */
    protected abstract AnalyticsStore openStore() throws Exception;

    /** Closes {@code store} and opens it again on the same data. */
    protected abstract AnalyticsStore reopen(AnalyticsStore store) throws Exception;

    /** @return the {@code count} of the stored step metrics row of (playbook, step, windowStart) in a version */
    protected abstract long storedStepMetricsCount(AnalyticsStore store, int version, String playbook, String step,
            Instant windowStart) throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    // ---- fixture -------------------------------------------------------------------------------------------

    protected static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    protected static NormalizedEvent event(String id, String execution, String step, String kind, Integer attempt,
            Long durationMs, Instant ts, String templateId, String errorClass) {
        return event(PB, id, execution, step, kind, attempt, durationMs, ts, templateId, errorClass);
    }

    protected static NormalizedEvent event(String playbook, String id, String execution, String step, String kind,
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
    protected static NormalizedEvent error(String playbook, String id, String execution, String step, int attempt,
            Instant ts, String templateId, String errorClass) {
        return event(playbook, id, execution, step, Kinds.ERROR, attempt, null, ts, templateId, errorClass);
    }

    /** A {@code resolution.recorded} event: what fixed an execution ({@code by} may be null). */
    protected static NormalizedEvent resolution(String id, String execution, String text, String by, Instant ts) {
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
    protected static List<NormalizedEvent> fixtureEvents() {
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

    protected static ExecutionTrace trace(String execution, String status, Instant startedAt, long eventCount,
            Instant lastEventAt) {
        return new ExecutionTrace(execution, null, PB, 1, status, startedAt, null, null, List.of(), List.of(), null,
                null, eventCount, lastEventAt);
    }

    protected static StepMetrics metrics(String step, Instant windowStart, long count) {
        return new StepMetrics(PB, step, windowStart, windowStart.plusSeconds(60), count, 1, 0, 1.0 / count, 10.0,
                20.0, 30.0, 40.0);
    }

    protected static Alert alert(String id) {
        return new Alert(id, Alert.LATENCY_SPIKE, Alert.WARNING, PB + "/fetch", PB, "fetch", at(0), at(1), 900, 100,
                0.9, "fetch is slow", List.of("e1", "e2"), null, at(1));
    }

    protected static Alert alert(String id, String severity, String playbook, Instant detectedAt) {
        return new Alert(id, Alert.ERROR_RATE_SPIKE, severity, playbook + "/load", playbook, "load",
                detectedAt.minusSeconds(60), detectedAt, 0.5, 0.1, 0.8, "load fails", List.of("e2"), "t-timeout",
                detectedAt);
    }

    /** A failed execution's trace with every part filled: a step of two attempts, root error, truncation. */
    protected static ExecutionTrace richTrace(String execution, Instant startedAt) {
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

    protected static DecisionRow decision(String id) {
        return new DecisionRow(id, "e1", PB, "approve_step", "approve", "ann", "looks fine", at(3));
    }

    protected static AnalyticsBatch fullBatch() {
        return new AnalyticsBatch(fixtureEvents(),
                List.of(trace("e1", "COMPLETED", at(0), 10, at(5)), trace("e2", "FAILED", at(1), 8, at(6)),
                        trace("e3", "COMPLETED", at(2), 6, at(7)), trace("e4", "RUNNING", at(60), 2, at(61))),
                List.of(metrics("fetch", at(0), 3), metrics("load", at(0), 2)),
                List.of(alert("a1"), alert("a2")),
                List.of(decision("d1")));
    }

    protected void ready(int version) {
        store.createVersion(version);
        store.switchTo(version);
    }

    /** Equal when the names and counts are and the percentiles agree to a microsecond (0 when equal). */
    private static int latencyOrder(StepLatency a, StepLatency b) {
        boolean same = a.playbook().equals(b.playbook()) && a.step().equals(b.step()) && a.attempts() == b.attempts()
                && Math.abs(a.p50Ms() - b.p50Ms()) < 1e-3 && Math.abs(a.p95Ms() - b.p95Ms()) < 1e-3
                && Math.abs(a.maxMs() - b.maxMs()) < 1e-3;
        return same ? 0 : 1;
    }

    // ---- versions ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("a new store has no version, reads nothing, and creates, switches and drops versions")
    void versionsLifecycle() {
        assertThat(store.currentVersion()).isZero();
        assertThat(store.versions()).isEmpty();
        assertThat(store.slowestSteps(TimeRange.ALL, 10)).isEmpty();
        assertThat(store.executionsByStatus(TimeRange.ALL)).isEmpty();

        store.createVersion(1);
        store.createVersion(1);
        store.createVersion(2);
        assertThat(store.versions()).containsExactly(1, 2);
        store.switchTo(1);
        assertThat(store.currentVersion()).isEqualTo(1);

        store.write(2, fullBatch());
        assertThat(store.slowestSteps(TimeRange.ALL, 10)).as("queries read the current version only").isEmpty();
        store.switchTo(2);
        assertThat(store.currentVersion()).isEqualTo(2);
        assertThat(store.slowestSteps(TimeRange.ALL, 10)).hasSize(3);

        assertThatThrownBy(() -> store.dropVersion(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("current");
        store.dropVersion(1);
        store.dropVersion(1);
        assertThat(store.versions()).containsExactly(2);
        assertThat(store.counts(2).events()).isEqualTo(fixtureEvents().size());
    }

    @Test
    @DisplayName("an unknown version is refused with a message naming it")
    void unknownVersionIsRefused() {
        store.createVersion(1);
        assertThatThrownBy(() -> store.switchTo(7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7");
        assertThatThrownBy(() -> store.write(7, fullBatch())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7");
        assertThatThrownBy(() -> store.counts(7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.createVersion(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.currentVersion()).isZero();
    }

    // ---- idempotence ---------------------------------------------------------------------------------------

    @Test
    @DisplayName("the same batch written three times is counted once and queries answer as after one write")
    void writesAreIdempotent() {
        ready(1);
        store.write(1, fullBatch());
        List<StepLatency> once = store.slowestSteps(TimeRange.ALL, 10);
        List<StepErrorRate> ratesOnce = store.errorRates(TimeRange.ALL, 10);
        store.write(1, fullBatch());
        store.write(1, fullBatch());

        assertThat(store.counts(1)).isEqualTo(new TableCounts(fixtureEvents().size(), 4, 2, 2, 1));
        assertThat(store.slowestSteps(TimeRange.ALL, 10)).isEqualTo(once);
        assertThat(store.errorRates(TimeRange.ALL, 10)).isEqualTo(ratesOnce);
        assertThat(store.successByAttempt(PB, "fetch")).extracting(AttemptOutcome::attempts).containsExactly(4L, 1L,
                1L);
    }

    @Test
    @DisplayName("of several versions of a trace the one with the most events wins, ties by the latest event, in any write order")
    void traceWithMostEventsWins() {
        ready(1);
        ExecutionTrace few = trace("x", "RUNNING", at(0), 3, at(3));
        ExecutionTrace more = trace("x", "COMPLETED", at(0), 5, at(5));
        ExecutionTrace moreLater = trace("x", "FAILED", at(0), 5, at(6));
        for (ExecutionTrace t : List.of(moreLater, few, more)) {
            store.write(1, new AnalyticsBatch(List.of(), List.of(t), List.of(), List.of(), List.of()));
        }
        assertThat(store.executionsByStatus(TimeRange.ALL)).containsExactly(new StatusCount("FAILED", 1));

        store.createVersion(2);
        store.write(2, new AnalyticsBatch(List.of(), List.of(more, moreLater, few), List.of(), List.of(), List.of()));
        store.write(2, new AnalyticsBatch(List.of(), List.of(few), List.of(), List.of(), List.of()));
        store.switchTo(2);
        assertThat(store.executionsByStatus(TimeRange.ALL)).containsExactly(new StatusCount("FAILED", 1));
        assertThat(store.counts(2).traces()).isEqualTo(1);
    }

    @Test
    @DisplayName("of several rows of one step metrics window the one with the highest count wins")
    void stepMetricsHighestCountWins() throws Exception {
        ready(1);
        store.write(1, new AnalyticsBatch(List.of(), List.of(), List.of(metrics("fetch", at(0), 3)), List.of(),
                List.of()));
        store.write(1, new AnalyticsBatch(List.of(), List.of(), List.of(metrics("fetch", at(0), 7),
                metrics("fetch", at(0), 5)), List.of(), List.of()));
        store.write(1, new AnalyticsBatch(List.of(), List.of(), List.of(metrics("fetch", at(0), 4)), List.of(),
                List.of()));
        assertThat(store.counts(1).stepMetrics()).isEqualTo(1);
        assertThat(storedStepMetricsCount(store, 1, PB, "fetch", at(0))).isEqualTo(7);
    }

    // ---- insight queries -----------------------------------------------------------------------------------

    @Test
    @DisplayName("slowest steps are ordered by p95 of finished attempts with a duration (interpolated percentiles)")
    void slowestStepsByP95() {
        ready(1);
        store.write(1, fullBatch());
        // load: 50, 1000 -> p50 525, p95 50 + 0.95 * 950; fetch: 100..500 -> p50 300, p95 400 + 0.8 * 100
        assertThat(store.slowestSteps(TimeRange.ALL, 10)).usingElementComparator(AnalyticsStoreContract::latencyOrder)
                .containsExactly(
                new StepLatency(PB, "load", 2, 525.0, 952.5, 1000.0),
                new StepLatency(PB, "fetch", 5, 300.0, 480.0, 500.0),
                new StepLatency(PB, "parse", 1, 10.0, 10.0, 10.0));
        assertThat(store.slowestSteps(TimeRange.ALL, 1)).extracting(StepLatency::step).containsExactly("load");
        assertThat(store.slowestSteps(new TimeRange(at(2), at(4)), 10))
                .usingElementComparator(AnalyticsStoreContract::latencyOrder).containsExactly(
                new StepLatency(PB, "fetch", 2, 250.0, 295.0, 300.0));
        assertThat(store.slowestSteps(new TimeRange(at(100), null), 10)).isEmpty();
    }

    @Test
    @DisplayName("error rates count errors per template (null template included) against the step's finished attempts")
    void errorRatesPerTemplate() {
        ready(1);
        store.write(1, fullBatch());
        assertThat(store.errorRates(TimeRange.ALL, 10)).containsExactly(
                new StepErrorRate(PB, "load", "t-timeout", "timeout", 2, 4, 0.5),
                new StepErrorRate(PB, "fetch", "t-500", "http", 1, 6, 1.0 / 6),
                new StepErrorRate(PB, "load", null, "unknown", 1, 4, 0.25));
        assertThat(store.errorRates(new TimeRange(at(11), at(13)), 10)).containsExactly(
                new StepErrorRate(PB, "load", "t-timeout", "timeout", 2, 2, 1.0));
        assertThat(store.errorRates(TimeRange.ALL, 1)).hasSize(1);
    }

    @Test
    @DisplayName("success by attempt gives the probability that attempt n succeeds")
    void successByAttemptNumber() {
        ready(1);
        store.write(1, fullBatch());
        assertThat(store.successByAttempt(PB, "fetch")).containsExactly(
                new AttemptOutcome(1, 4, 3, 0.75), new AttemptOutcome(2, 1, 1, 1.0), new AttemptOutcome(3, 1, 1, 1.0));
        assertThat(store.successByAttempt(PB, "load")).containsExactly(
                new AttemptOutcome(1, 3, 1, 1.0 / 3), new AttemptOutcome(2, 1, 0, 0.0));
        assertThat(store.successByAttempt(PB, "no-such-step")).isEmpty();
    }

    @Test
    @DisplayName("duration history lists finished attempts newest first, within [from, to) and up to the limit")
    void durationHistoryNewestFirst() {
        ready(1);
        store.write(1, fullBatch());
        assertThat(store.durationHistory(PB, "fetch", new TimeRange(at(2), at(4)), 10)).containsExactly(
                new DurationPoint(at(3), "e2", 1, 300, "COMPLETED"),
                new DurationPoint(at(2), "e1", 1, 200, "COMPLETED"));
        assertThat(store.durationHistory(PB, "fetch", TimeRange.ALL, 2)).extracting(DurationPoint::durationMs)
                .containsExactly(500L, 400L);
        assertThat(store.durationHistory(PB, "load", TimeRange.ALL, 10)).containsExactly(
                new DurationPoint(at(11), "e1", 1, 50, "FAILED"),
                new DurationPoint(at(10), "e1", 1, 1000, "COMPLETED"));
    }

    @Test
    @DisplayName("executions by status count the latest trace of each execution started in the range")
    void executionsByStatusFromLatestTrace() {
        ready(1);
        store.write(1, fullBatch());
        store.write(1, new AnalyticsBatch(List.of(), List.of(trace("e2", "RUNNING", at(1), 3, at(2))), List.of(),
                List.of(), List.of()));
        assertThat(store.executionsByStatus(TimeRange.ALL)).containsExactly(new StatusCount("COMPLETED", 2),
                new StatusCount("FAILED", 1), new StatusCount("RUNNING", 1));
        assertThat(store.executionsByStatus(new TimeRange(at(0), at(30)))).containsExactly(
                new StatusCount("COMPLETED", 2), new StatusCount("FAILED", 1));
        assertThat(store.executionsByStatus(new TimeRange(at(1), at(2)))).containsExactly(
                new StatusCount("FAILED", 1));
    }

    // ---- failures: errors, fingerprints, resolutions, recovery -------------------------------------------

    @Test
    @DisplayName("an execution's errors come oldest first with their class, template and message; none for an unknown execution")
    void executionErrorsOldestFirst() {
        ready(1);
        store.write(1, fullBatch());
        store.write(1, AnalyticsBatch.ofEvents(List.of(
                error(PB, "x-err3", "x1", "load", 3, at(30), "t-timeout", "timeout"),
                error(PB, "x-err1", "x1", "load", 1, at(10), "t-timeout", "timeout"),
                error(PB, "x-err2", "x1", "store", 1, at(20), null, null),
                event("x-ok", "x1", "load", Kinds.TASK_END, 4, 10L, at(40), null, null))));

        assertThat(store.executionErrors("x1")).containsExactly(
                new ErrorOccurrence("x-err1", "x1", PB, "load", 1, "timeout", "t-timeout", "template <*>",
                        "boom in load", at(10)),
                new ErrorOccurrence("x-err2", "x1", PB, "store", 1, null, null, null, "boom in store", at(20)),
                new ErrorOccurrence("x-err3", "x1", PB, "load", 3, "timeout", "t-timeout", "template <*>",
                        "boom in load", at(30)));
        assertThat(store.executionErrors("e0")).extracting(ErrorOccurrence::eventId).containsExactly("f-err");
        assertThat(store.executionErrors("e4")).as("an execution without errors").isEmpty();
        assertThat(store.executionErrors("no-such-execution")).isEmpty();
    }

    @Test
    @DisplayName("a fingerprint counts the error events and executions of one template, with first and last seen, playbooks and steps; errors without a template are none")
    void fingerprintAggregatesOneTemplate() {
        ready(1);
        store.write(1, fullBatch());
        assertThat(store.fingerprint("t-timeout")).contains(new Fingerprint("t-timeout", "template <*>", "timeout",
                2, 2, at(11), at(12), List.of(PB), List.of(PB + "/load")));
        assertThat(store.fingerprint("t-500")).contains(new Fingerprint("t-500", "template <*>", "http", 1, 1,
                at(1).minusSeconds(10), at(1).minusSeconds(10), List.of(PB), List.of(PB + "/fetch")));
        assertThat(store.fingerprint("no-such-template")).isEmpty();
        assertThat(store.fingerprints(null, null, 10, null)).isEqualTo(new Page<>(List.of(
                store.fingerprint("t-timeout").orElseThrow(), store.fingerprint("t-500").orElseThrow()), null));
    }

    @Test
    @DisplayName("a fingerprint's class is the most frequent class of its errors, a tie goes to the first by name, and it is null when no error had one")
    void fingerprintClassIsTheMostFrequent() {
        ready(1);
        store.write(1, AnalyticsBatch.ofEvents(List.of(
                error(PB, "c1", "x1", "fetch", 1, at(1), "t-mixed", "connection"),
                error(PB, "c2", "x2", "fetch", 1, at(2), "t-mixed", "timeout"),
                error(PB, "c3", "x3", "fetch", 1, at(3), "t-mixed", "timeout"),
                error(PB, "c4", "x3", "fetch", 2, at(4), "t-mixed", null),
                error(PB, "d1", "x4", "fetch", 1, at(5), "t-tie", "timeout"),
                error(PB, "d2", "x5", "fetch", 1, at(6), "t-tie", "connection"),
                error(PB, "n1", "x6", "fetch", 1, at(7), "t-none", null))));
        Fingerprint mixed = store.fingerprint("t-mixed").orElseThrow();
        assertThat(mixed.errorClass()).isEqualTo("timeout");
        assertThat(mixed.occurrences()).isEqualTo(4);
        assertThat(mixed.executions()).isEqualTo(3);
        assertThat(store.fingerprint("t-tie").orElseThrow().errorClass()).isEqualTo("connection");
        assertThat(store.fingerprint("t-none").orElseThrow().errorClass()).isNull();
        assertThat(store.fingerprints(null, null, 10, null).items()).extracting(Fingerprint::errorClass)
                .containsExactly(null, "connection", "timeout");
    }

    /** Seven templates p0..p6 last seen at minutes 1, 2, 3, 3, 3, 4, 5 (p2..p4 tie); p6 also seen earlier. */
    private static List<NormalizedEvent> pagedTemplates() {
        int[] lastSeen = {1, 2, 3, 3, 3, 4, 5};
        List<NormalizedEvent> events = new ArrayList<>();
        for (int i = 0; i < lastSeen.length; i++) {
            events.add(error(PB, "pe" + i, "x" + i, "fetch", 1, at(lastSeen[i]), "p" + i, "timeout"));
        }
        events.add(error(PB, "pe-early", "x9", "fetch", 1, at(0), "p6", "timeout"));
        return events;
    }

    private List<String> fingerprintIds(String playbook, Instant since, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 50; pages++) {
            Page<Fingerprint> page = store.fingerprints(playbook, since, limit, cursor);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
            page.items().forEach(f -> ids.add(f.templateId()));
            cursor = page.next();
            if (cursor == null) {
                return ids;
            }
        }
        throw new AssertionError("paging did not end: " + ids);
    }

    @Test
    @DisplayName("fingerprints page newest last seen first, ties by template id, through every page with no duplicate or miss; next is null on the last page")
    void fingerprintsPageNewestFirst() {
        ready(1);
        store.write(1, AnalyticsBatch.ofEvents(pagedTemplates()));
        List<String> all = List.of("p6", "p5", "p4", "p3", "p2", "p1", "p0");

        Page<Fingerprint> first = store.fingerprints(null, null, 3, null);
        assertThat(first.items()).extracting(Fingerprint::templateId).containsExactly("p6", "p5", "p4");
        assertThat(first.next()).isNotNull();
        Page<Fingerprint> second = store.fingerprints(null, null, 3, first.next());
        assertThat(second.items()).extracting(Fingerprint::templateId).containsExactly("p3", "p2", "p1");
        Page<Fingerprint> last = store.fingerprints(null, null, 3, second.next());
        assertThat(last).isEqualTo(new Page<>(List.of(store.fingerprint("p0").orElseThrow()), null));

        assertThat(fingerprintIds(null, null, 1)).containsExactlyElementsOf(all);
        assertThat(fingerprintIds(null, null, 2)).containsExactlyElementsOf(all);
        assertThat(store.fingerprints(null, null, 7, null).next()).as("exactly one full page").isNull();
        assertThat(store.fingerprints(null, null, 1000, null).items()).extracting(Fingerprint::templateId)
                .containsExactlyElementsOf(all);
    }

    @Test
    @DisplayName("fingerprint pages stay stable when templates arrive between pages: nothing repeats, and one that sorts after the cursor still comes")
    void fingerprintPagesStableUnderInserts() {
        ready(1);
        store.write(1, AnalyticsBatch.ofEvents(pagedTemplates()));
        Page<Fingerprint> first = store.fingerprints(null, null, 3, null);

        store.write(1, AnalyticsBatch.ofEvents(List.of(
                error(PB, "new-top", "y1", "fetch", 1, at(9), "p7", "timeout"),
                error(PB, "new-mid", "y2", "fetch", 1, at(3), "p35", "timeout"))));

        Page<Fingerprint> second = store.fingerprints(null, null, 3, first.next());
        Page<Fingerprint> third = store.fingerprints(null, null, 3, second.next());
        assertThat(second.items()).extracting(Fingerprint::templateId).containsExactly("p35", "p3", "p2");
        assertThat(third.items()).extracting(Fingerprint::templateId).containsExactly("p1", "p0");
        assertThat(third.next()).isNull();
    }

    @Test
    @DisplayName("fingerprints of one playbook count that playbook's errors only; since keeps templates last seen at or after it, counted over their whole history")
    void fingerprintsFilterByPlaybookAndSince() {
        ready(1);
        store.write(1, AnalyticsBatch.ofEvents(List.of(
                error(PB, "a1", "x1", "fetch", 1, at(1), "tA", "timeout"),
                error(PB, "a2", "x2", "fetch", 1, at(2), "tA", "timeout"),
                error("pb/b", "a3", "x3", "load", 1, at(10), "tA", "timeout"),
                error("pb/b", "b1", "x4", "load", 1, at(5), "tB", "connection"),
                error(PB, "c1", "x5", "parse", 1, at(20), "tC", "code_error"))));

        assertThat(store.fingerprints(PB, null, 10, null).items()).containsExactly(
                new Fingerprint("tC", "template <*>", "code_error", 1, 1, at(20), at(20), List.of(PB),
                        List.of(PB + "/parse")),
                new Fingerprint("tA", "template <*>", "timeout", 2, 2, at(1), at(2), List.of(PB),
                        List.of(PB + "/fetch")));
        Fingerprint wholeA = new Fingerprint("tA", "template <*>", "timeout", 3, 3, at(1), at(10),
                List.of(PB, "pb/b"), List.of(PB + "/fetch", "pb/b/load"));
        assertThat(store.fingerprints(null, null, 10, null).items()).extracting(Fingerprint::templateId)
                .containsExactly("tC", "tA", "tB");
        assertThat(store.fingerprint("tA")).contains(wholeA);
        assertThat(store.fingerprints(null, at(6), 10, null).items())
                .containsExactly(store.fingerprint("tC").orElseThrow(), wholeA);
        assertThat(store.fingerprints(PB, at(6), 10, null).items()).extracting(Fingerprint::templateId)
                .containsExactly("tC");
        assertThat(store.fingerprints(null, at(20), 10, null).items()).extracting(Fingerprint::templateId)
                .as("at or after").containsExactly("tC");
        assertThat(store.fingerprints("pb/none", null, 10, null)).isEqualTo(new Page<>(List.of(), null));
    }

    @Test
    @DisplayName("the executions that hit a fingerprint page most recent first with the step of their latest such error")
    void fingerprintExecutionsNewestFirst() {
        ready(1);
        store.write(1, AnalyticsBatch.ofEvents(List.of(
                error(PB, "h0", "x0", "fetch", 1, at(1), "t-hit", "timeout"),
                error(PB, "h1", "x1", "fetch", 1, at(2), "t-hit", "timeout"),
                error(PB, "h2", "x2", "fetch", 1, at(3), "t-hit", "timeout"),
                error(PB, "h3", "x3", "fetch", 1, at(3), "t-hit", "timeout"),
                error(PB, "h4a", "x4", "fetch", 1, at(4), "t-hit", "timeout"),
                error(PB, "h4b", "x4", "load", 1, at(6), "t-hit", "timeout"),
                error(PB, "other", "x5", "fetch", 1, at(9), "t-other", "timeout"))));

        Page<ExecutionHit> first = store.fingerprintExecutions("t-hit", 2, null);
        assertThat(first.items()).containsExactly(new ExecutionHit("x4", PB, "load", at(6)),
                new ExecutionHit("x3", PB, "fetch", at(3)));
        Page<ExecutionHit> second = store.fingerprintExecutions("t-hit", 2, first.next());
        assertThat(second.items()).extracting(ExecutionHit::executionId).containsExactly("x2", "x1");
        Page<ExecutionHit> last = store.fingerprintExecutions("t-hit", 2, second.next());
        assertThat(last).isEqualTo(new Page<>(List.of(new ExecutionHit("x0", PB, "fetch", at(1))), null));
        assertThat(store.fingerprintExecutions("t-hit", 5, null).next()).isNull();
        assertThat(store.fingerprintExecutions("no-such-template", 10, null))
                .isEqualTo(new Page<>(List.of(), null));
    }

    @Test
    @DisplayName("resolutions give the latest recorded text and author per execution, in any write order; executions without one are absent")
    void resolutionsLatestWins() {
        ready(1);
        store.write(1, AnalyticsBatch.ofEvents(List.of(
                resolution("r-new", "x1", "raised the pool size", "bob", at(9)),
                resolution("r-anon", "x2", "retried by hand", null, at(7)),
                error(PB, "x3-err", "x3", "load", 1, at(1), "t-timeout", "timeout"))));
        store.write(1, AnalyticsBatch.ofEvents(List.of(
                resolution("r-old", "x1", "restarted the database", "ann", at(5)),
                resolution("r-new", "x1", "raised the pool size", "bob", at(9)))));

        assertThat(store.resolutions(List.of("x1", "x2", "x3", "no-such-execution"))).isEqualTo(Map.of(
                "x1", new ResolutionRow("r-new", "x1", PB, "raised the pool size", "bob", at(9)),
                "x2", new ResolutionRow("r-anon", "x2", PB, "retried by hand", null, at(7))));
        assertThat(store.resolutions(List.of("x2"))).containsOnlyKeys("x2");
        assertThat(store.resolutions(List.of())).isEmpty();
        assertThat(store.resolutions(List.of("no-such-execution"))).isEmpty();
    }

    /**
     * Step {@code call}: timeout runs recovered at attempts 2, 3 and 2 and one never recovered; a connection run never
     * recovered and one whose lowest-attempt error (connection) was recorded after a higher attempt's
     * (rate_limited), recovered at 3; a run whose error has no class; a run without error; and errors of another
     * step and another playbook.
     */
    private static List<NormalizedEvent> recoveryEvents() {
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

    @Test
    @DisplayName("recovery by class: runs by the class of their first error, how many a later attempt recovered, and the median and highest attempt that succeeded")
    void recoveryByClassOfFirstError() {
        ready(1);
        store.write(1, AnalyticsBatch.ofEvents(recoveryEvents()));
        assertThat(store.recoveryByClass(PB, "call", TimeRange.ALL)).containsExactly(
                new ClassRecovery("timeout", 4, 3, 2, 3),
                new ClassRecovery("connection", 2, 1, 3, 3),
                new ClassRecovery("unknown", 1, 0, 0, 0));
        // minute 1 only: b2's first error in the range is its attempt-2 rate_limited one; no success yet
        assertThat(store.recoveryByClass(PB, "call", new TimeRange(at(1), at(2)))).containsExactly(
                new ClassRecovery("timeout", 4, 0, 0, 0), new ClassRecovery("connection", 1, 0, 0, 0),
                new ClassRecovery("rate_limited", 1, 0, 0, 0), new ClassRecovery("unknown", 1, 0, 0, 0));
        assertThat(store.recoveryByClass(PB, "no-such-step", TimeRange.ALL)).isEmpty();
        assertThat(store.recoveryByClass(PB, "call", new TimeRange(at(100), null))).isEmpty();
    }

    // ---- per playbook: step quantiles, traces; alerts --------------------------------------------------------

    /** Equal when the step and counts are and the percentiles agree to a microsecond (0 when equal). */
    private static int quantilesOrder(StepQuantiles a, StepQuantiles b) {
        boolean same = a.step().equals(b.step()) && a.attempts() == b.attempts() && a.failures() == b.failures()
                && Math.abs(a.p50Ms() - b.p50Ms()) < 1e-3 && Math.abs(a.p95Ms() - b.p95Ms()) < 1e-3
                && Math.abs(a.p99Ms() - b.p99Ms()) < 1e-3 && Math.abs(a.maxMs() - b.maxMs()) < 1e-3;
        return same ? 0 : 1;
    }

    @Test
    @DisplayName("step quantiles give every step of one playbook by name: finished attempts with a duration, failures, p50, p95, p99 and max")
    void stepQuantilesPerStep() {
        ready(1);
        store.write(1, fullBatch());
        store.write(1, AnalyticsBatch.ofEvents(List.of(
                event("pb/b", "other", "o1", "fetch", Kinds.TASK_END, 1, 9_000L, at(2), null, null))));
        // fetch: 100..500 -> p99 400 + 0.96 * 100; load: 50 (error), 1000 -> p99 50 + 0.99 * 950
        assertThat(store.stepQuantiles(PB, TimeRange.ALL))
                .usingElementComparator(AnalyticsStoreContract::quantilesOrder).containsExactly(
                new StepQuantiles("fetch", 5, 0, 300.0, 480.0, 496.0, 500.0),
                new StepQuantiles("load", 2, 1, 525.0, 952.5, 990.5, 1000.0),
                new StepQuantiles("parse", 1, 0, 10.0, 10.0, 10.0, 10.0));
        assertThat(store.stepQuantiles(PB, new TimeRange(at(2), at(4))))
                .usingElementComparator(AnalyticsStoreContract::quantilesOrder)
                .containsExactly(new StepQuantiles("fetch", 2, 0, 250.0, 295.0, 299.0, 300.0));
        assertThat(store.stepQuantiles("pb/none", TimeRange.ALL)).isEmpty();
    }

    @Test
    @DisplayName("traces of one playbook come whole (steps, attempts, root error), the latest of each execution, started in the range, newest first, up to the limit")
    void tracesNewestFirstForOnePlaybook() {
        ready(1);
        store.write(1, fullBatch());
        ExecutionTrace rich = richTrace("e5", at(30));
        ExecutionTrace otherPlaybook = new ExecutionTrace("o1", null, "pb/b", 1, "COMPLETED", at(40), null, null,
                List.of(), List.of(), null, null, 2, at(41));
        store.write(1, new AnalyticsBatch(List.of(), List.of(rich, otherPlaybook, trace("e2", "RUNNING", at(1), 3,
                at(2))), List.of(), List.of(), List.of()));

        assertThat(store.traces(PB, TimeRange.ALL, 10)).containsExactly(trace("e4", "RUNNING", at(60), 2, at(61)),
                rich, trace("e3", "COMPLETED", at(2), 6, at(7)), trace("e2", "FAILED", at(1), 8, at(6)),
                trace("e1", "COMPLETED", at(0), 10, at(5)));
        assertThat(store.traces(PB, new TimeRange(at(1), at(60)), 10)).extracting(ExecutionTrace::executionId)
                .containsExactly("e5", "e3", "e2");
        assertThat(store.traces(PB, TimeRange.ALL, 2)).extracting(ExecutionTrace::executionId)
                .containsExactly("e4", "e5");
        assertThat(store.traces("pb/b", TimeRange.ALL, 10)).containsExactly(otherPlaybook);
        assertThat(store.traces("pb/none", TimeRange.ALL, 10)).isEmpty();
    }

    private List<String> alertIds(AlertQuery first) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 50; pages++) {
            Page<Alert> page = store.alerts(new AlertQuery(first.since(), first.severity(), first.playbook(),
                    first.limit(), cursor));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(first.limit());
            page.items().forEach(a -> ids.add(a.alertId()));
            cursor = page.next();
            if (cursor == null) {
                return ids;
            }
        }
        throw new AssertionError("paging did not end: " + ids);
    }

    @Test
    @DisplayName("alerts come back whole, newest detected first (ties by id), page with no duplicate or miss, and filter by since, severity and playbook")
    void alertsNewestFirstFilteredAndPaged() {
        ready(1);
        store.write(1, fullBatch());
        assertThat(store.alerts(new AlertQuery(null, null, null, 10, null)))
                .isEqualTo(new Page<>(List.of(alert("a2"), alert("a1")), null));

        store.createVersion(2);
        store.write(2, new AnalyticsBatch(List.of(), List.of(), List.of(), List.of(
                alert("k1", Alert.WARNING, PB, at(1)), alert("k2", Alert.CRITICAL, PB, at(2)),
                alert("k3", Alert.WARNING, "pb/b", at(3)), alert("k4", Alert.INFO, PB, at(3)),
                alert("k5", Alert.CRITICAL, PB, at(5)), alert("k6", Alert.WARNING, PB, at(5))), List.of()));
        store.switchTo(2);

        Page<Alert> first = store.alerts(new AlertQuery(null, null, null, 4, null));
        assertThat(first.items()).extracting(Alert::alertId).containsExactly("k6", "k5", "k4", "k3");
        assertThat(first.items().getFirst()).isEqualTo(alert("k6", Alert.WARNING, PB, at(5)));
        Page<Alert> second = store.alerts(new AlertQuery(null, null, null, 4, first.next()));
        assertThat(second.items()).extracting(Alert::alertId).containsExactly("k2", "k1");
        assertThat(second.next()).isNull();
        assertThat(alertIds(new AlertQuery(null, null, null, 1, null)))
                .containsExactly("k6", "k5", "k4", "k3", "k2", "k1");

        assertThat(alertIds(new AlertQuery(at(3), null, null, 2, null))).containsExactly("k6", "k5", "k4", "k3");
        assertThat(alertIds(new AlertQuery(null, Alert.CRITICAL, null, 10, null))).containsExactly("k5", "k2");
        assertThat(alertIds(new AlertQuery(null, null, "pb/b", 10, null))).containsExactly("k3");
        assertThat(alertIds(new AlertQuery(null, Alert.WARNING, PB, 1, null))).containsExactly("k6", "k1");
        assertThat(alertIds(new AlertQuery(at(3), Alert.WARNING, null, 10, null))).containsExactly("k6", "k3");
        assertThat(store.alerts(new AlertQuery(at(6), null, null, 10, null))).isEqualTo(new Page<>(List.of(), null));
    }

    // ---- every insight query: versions, idempotence, arguments ----------------------------------------------

    /** The fixture with resolutions, the recovery runs and a rich trace: every new query has something to answer. */
    private static AnalyticsBatch insightBatch() {
        List<NormalizedEvent> events = new ArrayList<>(fixtureEvents());
        events.addAll(recoveryEvents());
        events.add(resolution("r1", "e2", "raised the timeout", "ann", at(50)));
        AnalyticsBatch full = fullBatch();
        List<ExecutionTrace> traces = new ArrayList<>(full.traces());
        traces.add(richTrace("e5", at(30)));
        return new AnalyticsBatch(events, traces, full.stepMetrics(), full.alerts(), full.decisions());
    }

    /** Every answer of the insight queries over {@link #insightBatch()}, in one list. */
    private List<Object> insightAnswers() {
        return List.of(store.executionErrors("e1"), store.fingerprint("t-timeout"),
                store.fingerprints(null, null, 2, null), store.fingerprints(PB, at(0), 10, null),
                store.fingerprintExecutions("t-timeout", 10, null), store.resolutions(List.of("e1", "e2")),
                store.stepQuantiles(PB, TimeRange.ALL), store.recoveryByClass(PB, "call", TimeRange.ALL),
                store.traces(PB, TimeRange.ALL, 10), store.alerts(new AlertQuery(null, null, null, 10, null)));
    }

    @Test
    @DisplayName("the insight queries read only the current version and answer nothing before the first switch")
    void insightQueriesReadTheCurrentVersionOnly() {
        assertThat(insightAnswers()).allSatisfy(AnalyticsStoreContract::assertNothing);
        store.createVersion(1);
        store.createVersion(2);
        store.switchTo(1);
        store.write(2, insightBatch());
        assertThat(insightAnswers()).as("version 2 is not current").allSatisfy(AnalyticsStoreContract::assertNothing);

        store.switchTo(2);
        assertThat(insightAnswers()).noneSatisfy(AnalyticsStoreContract::assertNothing);
    }

    private static void assertNothing(Object answer) {
        switch (answer) {
            case List<?> list -> assertThat(list).isEmpty();
            case Map<?, ?> map -> assertThat(map).isEmpty();
            case Optional<?> optional -> assertThat(optional).isEmpty();
            case Page<?> page -> assertThat(page).isEqualTo(new Page<>(List.of(), null));
            default -> throw new AssertionError("not an answer: " + answer);
        }
    }

    @Test
    @DisplayName("the insight queries count each event, trace and alert once when the same batch is written three times")
    void insightQueriesCountEachKeyOnce() {
        ready(1);
        store.write(1, insightBatch());
        List<Object> once = insightAnswers();
        store.write(1, insightBatch());
        store.write(1, insightBatch());

        assertThat(insightAnswers()).isEqualTo(once);
        assertThat(store.fingerprint("t-timeout").orElseThrow().occurrences()).isEqualTo(2);
        assertThat(store.fingerprintExecutions("t-timeout", 10, null).items()).hasSize(2);
        assertThat(store.recoveryByClass(PB, "call", TimeRange.ALL).getFirst())
                .isEqualTo(new ClassRecovery("timeout", 4, 3, 2, 3));
        assertThat(store.traces(PB, TimeRange.ALL, 10)).hasSize(5);
        assertThat(store.alerts(new AlertQuery(null, null, null, 10, null)).items()).hasSize(2);
    }

    @Test
    @DisplayName("a page size outside 1..1000 and a cursor the store did not make are refused")
    void badPagingIsRefused() {
        ready(1);
        assertThatThrownBy(() -> store.fingerprints(null, null, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> store.fingerprints(null, null, 1001, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> store.fingerprintExecutions("t", 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> store.fingerprints(null, null, 10, "not a cursor!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> store.fingerprintExecutions("t", 10, "garbage"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> store.alerts(new AlertQuery(null, null, null, 10, "garbage")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
    }

    // ---- bad input, durability -----------------------------------------------------------------------------

    @Test
    @DisplayName("records without a key or with a field over the size limit come back with a reason; the rest are written")
    void badRecordsAreRejectedWithReason() {
        ready(1);
        NormalizedEvent good = event("g1", "e1", "fetch", Kinds.TASK_END, 1, 10L, at(1), null, null);
        NormalizedEvent noId = event(null, "e1", "fetch", Kinds.TASK_END, 1, 10L, at(1), null, null);
        NormalizedEvent base = event("big", "e1", "fetch", Kinds.TASK_END, 1, 10L, at(1), null, null);
        NormalizedEvent big = new NormalizedEvent(base.eventId(), base.executionId(), null, null, null,
                base.playbookPath(), 1, base.step(), base.toolKind(), base.eventType(), base.kind(), base.status(),
                base.timestamp(), base.ingestedAt(), base.durationMs(), 1, null, null, null,
                "x".repeat(AnalyticsTables.MAX_FIELD_BYTES + 1), null, null, null, null, null);
        ExecutionTrace noExecution = trace(null, "COMPLETED", at(0), 1, at(0));
        StepMetrics noWindow = new StepMetrics(PB, "fetch", null, null, 1, 0, 0, 0, null, null, null, null);

        List<Rejected> rejected = store.write(1, new AnalyticsBatch(List.of(good, noId, big),
                List.of(noExecution, trace("ok", "COMPLETED", at(0), 1, at(0))), List.of(noWindow), List.of(),
                List.of()));

        assertThat(rejected).extracting(Rejected::record).containsExactlyInAnyOrder(noId, big, noExecution, noWindow);
        assertThat(rejected).filteredOn(r -> r.record() == noId).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("event_id"));
        assertThat(rejected).filteredOn(r -> r.record() == big).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("logs").contains(
                        String.valueOf(AnalyticsTables.MAX_FIELD_BYTES)));
        assertThat(rejected).filteredOn(r -> r.record() == noExecution).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("execution_id"));
        assertThat(rejected).filteredOn(r -> r.record() == noWindow).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("window_start"));
        assertThat(store.counts(1)).isEqualTo(new TableCounts(1, 1, 0, 0, 0));
    }

    @Test
    @DisplayName("rows and the current version survive closing and reopening the store")
    void dataSurvivesReopen() throws Exception {
        ready(1);
        store.write(1, fullBatch());
        store.createVersion(2);
        List<StepLatency> before = store.slowestSteps(TimeRange.ALL, 10);

        store = reopen(store);

        assertThat(store.currentVersion()).isEqualTo(1);
        assertThat(store.versions()).containsExactly(1, 2);
        assertThat(store.counts(1)).isEqualTo(new TableCounts(fixtureEvents().size(), 4, 2, 2, 1));
        assertThat(store.slowestSteps(TimeRange.ALL, 10)).isEqualTo(before);
    }
}

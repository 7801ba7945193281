package io.noetl.sink.analytics;

import static io.noetl.sink.analytics.AnalyticsFixtures.PB;
import static io.noetl.sink.analytics.AnalyticsFixtures.at;
import static io.noetl.sink.analytics.AnalyticsFixtures.event;
import static io.noetl.sink.analytics.AnalyticsFixtures.fixtureEvents;
import static io.noetl.sink.analytics.AnalyticsFixtures.fullBatch;
import static io.noetl.sink.analytics.AnalyticsFixtures.metrics;
import static io.noetl.sink.analytics.AnalyticsFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.StepMetrics;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.AnalyticsTables;
import io.noetl.stores.analytics.AttemptOutcome;
import io.noetl.stores.analytics.DurationPoint;
import io.noetl.stores.analytics.Rejected;
import io.noetl.stores.analytics.StatusCount;
import io.noetl.stores.analytics.StepErrorRate;
import io.noetl.stores.analytics.StepLatency;
import io.noetl.stores.analytics.TableCounts;
import io.noetl.stores.analytics.TimeRange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AnalyticsStore} must do. An implementation's test extends this class and says how to open an
 * empty store, how to reopen it on the same data, and how to read the stored count of one step metrics row. The
 * class also implements {@link AnalyticsInsightQueriesContract}, so the same test runs the insight queries'
 * contract too. Expected values are computed by hand from {@link AnalyticsFixtures}.
 */
public abstract class AnalyticsStoreContract implements AnalyticsInsightQueriesContract {

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

    @Override
    public AnalyticsStore store() {
        return store;
    }

    @Override
    public void ready(int version) {
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

    // ---- step and execution queries ------------------------------------------------------------------------

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

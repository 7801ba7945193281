package io.noetl.sink.analytics;

import static io.noetl.sink.analytics.AnalyticsFixtures.PB;
import static io.noetl.sink.analytics.AnalyticsFixtures.alert;
import static io.noetl.sink.analytics.AnalyticsFixtures.at;
import static io.noetl.sink.analytics.AnalyticsFixtures.event;
import static io.noetl.sink.analytics.AnalyticsFixtures.fullBatch;
import static io.noetl.sink.analytics.AnalyticsFixtures.richTrace;
import static io.noetl.sink.analytics.AnalyticsFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.Kinds;
import io.noetl.stores.analytics.AlertQuery;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.Page;
import io.noetl.stores.analytics.StepQuantiles;
import io.noetl.stores.analytics.TimeRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AnalyticsStore} answers about one playbook's runs, and about alerts: step quantiles, whole
 * traces, and alerts filtered and paged. Part of {@link AnalyticsInsightQueriesContract}.
 */
public interface PlaybookInsightsContract {

    /** @return the store under test, open and empty when each test starts */
    AnalyticsStore store();

    /** Creates {@code version} and makes it the current one. */
    void ready(int version);

    /** Equal when the step and counts are and the percentiles agree to a microsecond (0 when equal). */
    private static int quantilesOrder(StepQuantiles a, StepQuantiles b) {
        boolean same = a.step().equals(b.step()) && a.attempts() == b.attempts() && a.failures() == b.failures()
                && Math.abs(a.p50Ms() - b.p50Ms()) < 1e-3 && Math.abs(a.p95Ms() - b.p95Ms()) < 1e-3
                && Math.abs(a.p99Ms() - b.p99Ms()) < 1e-3 && Math.abs(a.maxMs() - b.maxMs()) < 1e-3;
        return same ? 0 : 1;
    }

    @Test
    @DisplayName("step quantiles give every step of one playbook by name: finished attempts with a duration, failures, p50, p95, p99 and max")
    default void stepQuantilesPerStep() {
        ready(1);
        store().write(1, fullBatch());
        store().write(1, AnalyticsBatch.ofEvents(List.of(
                event("pb/b", "other", "o1", "fetch", Kinds.TASK_END, 1, 9_000L, at(2), null, null))));
        // fetch: 100..500 -> p99 400 + 0.96 * 100; load: 50 (error), 1000 -> p99 50 + 0.99 * 950
        assertThat(store().stepQuantiles(PB, TimeRange.ALL))
                .usingElementComparator(PlaybookInsightsContract::quantilesOrder).containsExactly(
                new StepQuantiles("fetch", 5, 0, 300.0, 480.0, 496.0, 500.0),
                new StepQuantiles("load", 2, 1, 525.0, 952.5, 990.5, 1000.0),
                new StepQuantiles("parse", 1, 0, 10.0, 10.0, 10.0, 10.0));
        assertThat(store().stepQuantiles(PB, new TimeRange(at(2), at(4))))
                .usingElementComparator(PlaybookInsightsContract::quantilesOrder)
                .containsExactly(new StepQuantiles("fetch", 2, 0, 250.0, 295.0, 299.0, 300.0));
        assertThat(store().stepQuantiles("pb/none", TimeRange.ALL)).isEmpty();
    }

    @Test
    @DisplayName("traces of one playbook come whole (steps, attempts, root error), the latest of each execution, started in the range, newest first, up to the limit")
    default void tracesNewestFirstForOnePlaybook() {
        ready(1);
        store().write(1, fullBatch());
        ExecutionTrace rich = richTrace("e5", at(30));
        ExecutionTrace otherPlaybook = new ExecutionTrace("o1", null, "pb/b", 1, "COMPLETED", at(40), null, null,
                List.of(), List.of(), null, null, 2, at(41));
        store().write(1, new AnalyticsBatch(List.of(), List.of(rich, otherPlaybook, trace("e2", "RUNNING", at(1), 3,
                at(2))), List.of(), List.of(), List.of()));

        assertThat(store().traces(PB, TimeRange.ALL, 10)).containsExactly(trace("e4", "RUNNING", at(60), 2, at(61)),
                rich, trace("e3", "COMPLETED", at(2), 6, at(7)), trace("e2", "FAILED", at(1), 8, at(6)),
                trace("e1", "COMPLETED", at(0), 10, at(5)));
        assertThat(store().traces(PB, new TimeRange(at(1), at(60)), 10)).extracting(ExecutionTrace::executionId)
                .containsExactly("e5", "e3", "e2");
        assertThat(store().traces(PB, TimeRange.ALL, 2)).extracting(ExecutionTrace::executionId)
                .containsExactly("e4", "e5");
        assertThat(store().traces("pb/b", TimeRange.ALL, 10)).containsExactly(otherPlaybook);
        assertThat(store().traces("pb/none", TimeRange.ALL, 10)).isEmpty();
    }

    private List<String> alertIds(AlertQuery first) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 50; pages++) {
            Page<Alert> page = store().alerts(new AlertQuery(first.since(), first.severity(), first.playbook(),
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
    default void alertsNewestFirstFilteredAndPaged() {
        ready(1);
        store().write(1, fullBatch());
        assertThat(store().alerts(new AlertQuery(null, null, null, 10, null)))
                .isEqualTo(new Page<>(List.of(alert("a2"), alert("a1")), null));

        store().createVersion(2);
        store().write(2, new AnalyticsBatch(List.of(), List.of(), List.of(), List.of(
                alert("k1", Alert.WARNING, PB, at(1)), alert("k2", Alert.CRITICAL, PB, at(2)),
                alert("k3", Alert.WARNING, "pb/b", at(3)), alert("k4", Alert.INFO, PB, at(3)),
                alert("k5", Alert.CRITICAL, PB, at(5)), alert("k6", Alert.WARNING, PB, at(5))), List.of()));
        store().switchTo(2);

        Page<Alert> first = store().alerts(new AlertQuery(null, null, null, 4, null));
        assertThat(first.items()).extracting(Alert::alertId).containsExactly("k6", "k5", "k4", "k3");
        assertThat(first.items().getFirst()).isEqualTo(alert("k6", Alert.WARNING, PB, at(5)));
        Page<Alert> second = store().alerts(new AlertQuery(null, null, null, 4, first.next()));
        assertThat(second.items()).extracting(Alert::alertId).containsExactly("k2", "k1");
        assertThat(second.next()).isNull();
        assertThat(alertIds(new AlertQuery(null, null, null, 1, null)))
                .containsExactly("k6", "k5", "k4", "k3", "k2", "k1");

        assertThat(alertIds(new AlertQuery(at(3), null, null, 2, null))).containsExactly("k6", "k5", "k4", "k3");
        assertThat(alertIds(new AlertQuery(null, Alert.CRITICAL, null, 10, null))).containsExactly("k5", "k2");
        assertThat(alertIds(new AlertQuery(null, null, "pb/b", 10, null))).containsExactly("k3");
        assertThat(alertIds(new AlertQuery(null, Alert.WARNING, PB, 1, null))).containsExactly("k6", "k1");
        assertThat(alertIds(new AlertQuery(at(3), Alert.WARNING, null, 10, null))).containsExactly("k6", "k3");
        assertThat(store().alerts(new AlertQuery(at(6), null, null, 10, null))).isEqualTo(new Page<>(List.of(), null));
    }
}

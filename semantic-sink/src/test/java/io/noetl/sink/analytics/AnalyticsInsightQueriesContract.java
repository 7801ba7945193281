package io.noetl.sink.analytics;

import static io.noetl.sink.analytics.AnalyticsFixtures.PB;
import static io.noetl.sink.analytics.AnalyticsFixtures.at;
import static io.noetl.sink.analytics.AnalyticsFixtures.fixtureEvents;
import static io.noetl.sink.analytics.AnalyticsFixtures.fullBatch;
import static io.noetl.sink.analytics.AnalyticsFixtures.recoveryEvents;
import static io.noetl.sink.analytics.AnalyticsFixtures.resolution;
import static io.noetl.sink.analytics.AnalyticsFixtures.richTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.stores.analytics.AlertQuery;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.ClassRecovery;
import io.noetl.stores.analytics.Page;
import io.noetl.stores.analytics.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AnalyticsStore} answers to the insight queries. The queries about failures are in
 * {@link FailureInsightsContract}, those about one playbook's runs and about alerts in
 * {@link PlaybookInsightsContract}; the tests here hold for all of them: they read the current version only, count
 * each key once however often it is written, and refuse bad paging. {@link AnalyticsStoreContract} implements this
 * interface, so every store's test runs it on the store it opens for each test.
 */
public interface AnalyticsInsightQueriesContract extends FailureInsightsContract, PlaybookInsightsContract {

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
        return List.of(store().executionErrors("e1"), store().fingerprint("t-timeout"),
                store().fingerprints(null, null, 2, null), store().fingerprints(PB, at(0), 10, null),
                store().fingerprintExecutions("t-timeout", 10, null), store().resolutions(List.of("e1", "e2")),
                store().stepQuantiles(PB, TimeRange.ALL), store().recoveryByClass(PB, "call", TimeRange.ALL),
                store().traces(PB, TimeRange.ALL, 10), store().alerts(new AlertQuery(null, null, null, 10, null)));
    }

    @Test
    @DisplayName("the insight queries read only the current version and answer nothing before the first switch")
    default void insightQueriesReadTheCurrentVersionOnly() {
        assertThat(insightAnswers()).allSatisfy(AnalyticsInsightQueriesContract::assertNothing);
        store().createVersion(1);
        store().createVersion(2);
        store().switchTo(1);
        store().write(2, insightBatch());
        assertThat(insightAnswers()).as("version 2 is not current")
                .allSatisfy(AnalyticsInsightQueriesContract::assertNothing);

        store().switchTo(2);
        assertThat(insightAnswers()).noneSatisfy(AnalyticsInsightQueriesContract::assertNothing);
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
    default void insightQueriesCountEachKeyOnce() {
        ready(1);
        store().write(1, insightBatch());
        List<Object> once = insightAnswers();
        store().write(1, insightBatch());
        store().write(1, insightBatch());

        assertThat(insightAnswers()).isEqualTo(once);
        assertThat(store().fingerprint("t-timeout").orElseThrow().occurrences()).isEqualTo(2);
        assertThat(store().fingerprintExecutions("t-timeout", 10, null).items()).hasSize(2);
        assertThat(store().recoveryByClass(PB, "call", TimeRange.ALL).getFirst())
                .isEqualTo(new ClassRecovery("timeout", 4, 3, 2, 3));
        assertThat(store().traces(PB, TimeRange.ALL, 10)).hasSize(5);
        assertThat(store().alerts(new AlertQuery(null, null, null, 10, null)).items()).hasSize(2);
    }

    @Test
    @DisplayName("a page size outside 1..1000 and a cursor the store did not make are refused")
    default void badPagingIsRefused() {
        ready(1);
        assertThatThrownBy(() -> store().fingerprints(null, null, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> store().fingerprints(null, null, 1001, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> store().fingerprintExecutions("t", 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> store().fingerprints(null, null, 10, "not a cursor!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> store().fingerprintExecutions("t", 10, "garbage"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> store().alerts(new AlertQuery(null, null, null, 10, "garbage")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
    }
}

package io.noetl.sink.analytics;

import static io.noetl.sink.analytics.AnalyticsFixtures.PB;
import static io.noetl.sink.analytics.AnalyticsFixtures.at;
import static io.noetl.sink.analytics.AnalyticsFixtures.error;
import static io.noetl.sink.analytics.AnalyticsFixtures.event;
import static io.noetl.sink.analytics.AnalyticsFixtures.fullBatch;
import static io.noetl.sink.analytics.AnalyticsFixtures.recoveryEvents;
import static io.noetl.sink.analytics.AnalyticsFixtures.resolution;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.ClassRecovery;
import io.noetl.stores.analytics.ErrorOccurrence;
import io.noetl.stores.analytics.ExecutionHit;
import io.noetl.stores.analytics.Fingerprint;
import io.noetl.stores.analytics.Page;
import io.noetl.stores.analytics.ResolutionRow;
import io.noetl.stores.analytics.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AnalyticsStore} answers about failures: an execution's errors, fingerprints (one error template
 * aggregated, listed and paged), the executions that hit one, resolutions, and recovery by the class of the first
 * error. Part of {@link AnalyticsInsightQueriesContract}.
 */
public interface FailureInsightsContract {

    /** @return the store under test, open and empty when each test starts */
    AnalyticsStore store();

    /** Creates {@code version} and makes it the current one. */
    void ready(int version);

    @Test
    @DisplayName("an execution's errors come oldest first with their class, template and message; none for an unknown execution")
    default void executionErrorsOldestFirst() {
        ready(1);
        store().write(1, fullBatch());
        store().write(1, AnalyticsBatch.ofEvents(List.of(
                error(PB, "x-err3", "x1", "load", 3, at(30), "t-timeout", "timeout"),
                error(PB, "x-err1", "x1", "load", 1, at(10), "t-timeout", "timeout"),
                error(PB, "x-err2", "x1", "store", 1, at(20), null, null),
                event("x-ok", "x1", "load", Kinds.TASK_END, 4, 10L, at(40), null, null))));

        assertThat(store().executionErrors("x1")).containsExactly(
                new ErrorOccurrence("x-err1", "x1", PB, "load", 1, "timeout", "t-timeout", "template <*>",
                        "boom in load", at(10)),
                new ErrorOccurrence("x-err2", "x1", PB, "store", 1, null, null, null, "boom in store", at(20)),
                new ErrorOccurrence("x-err3", "x1", PB, "load", 3, "timeout", "t-timeout", "template <*>",
                        "boom in load", at(30)));
        assertThat(store().executionErrors("e0")).extracting(ErrorOccurrence::eventId).containsExactly("f-err");
        assertThat(store().executionErrors("e4")).as("an execution without errors").isEmpty();
        assertThat(store().executionErrors("no-such-execution")).isEmpty();
    }

    @Test
    @DisplayName("a fingerprint counts the error events and executions of one template, with first and last seen, playbooks and steps; errors without a template are none")
    default void fingerprintAggregatesOneTemplate() {
        ready(1);
        store().write(1, fullBatch());
        assertThat(store().fingerprint("t-timeout")).contains(new Fingerprint("t-timeout", "template <*>", "timeout",
                2, 2, at(11), at(12), List.of(PB), List.of(PB + "/load")));
        assertThat(store().fingerprint("t-500")).contains(new Fingerprint("t-500", "template <*>", "http", 1, 1,
                at(1).minusSeconds(10), at(1).minusSeconds(10), List.of(PB), List.of(PB + "/fetch")));
        assertThat(store().fingerprint("no-such-template")).isEmpty();
        assertThat(store().fingerprints(null, null, 10, null)).isEqualTo(new Page<>(List.of(
                store().fingerprint("t-timeout").orElseThrow(), store().fingerprint("t-500").orElseThrow()), null));
    }

    @Test
    @DisplayName("a fingerprint's class is the most frequent class of its errors, a tie goes to the first by name, and it is null when no error had one")
    default void fingerprintClassIsTheMostFrequent() {
        ready(1);
        store().write(1, AnalyticsBatch.ofEvents(List.of(
                error(PB, "c1", "x1", "fetch", 1, at(1), "t-mixed", "connection"),
                error(PB, "c2", "x2", "fetch", 1, at(2), "t-mixed", "timeout"),
                error(PB, "c3", "x3", "fetch", 1, at(3), "t-mixed", "timeout"),
                error(PB, "c4", "x3", "fetch", 2, at(4), "t-mixed", null),
                error(PB, "d1", "x4", "fetch", 1, at(5), "t-tie", "timeout"),
                error(PB, "d2", "x5", "fetch", 1, at(6), "t-tie", "connection"),
                error(PB, "n1", "x6", "fetch", 1, at(7), "t-none", null))));
        Fingerprint mixed = store().fingerprint("t-mixed").orElseThrow();
        assertThat(mixed.errorClass()).isEqualTo("timeout");
        assertThat(mixed.occurrences()).isEqualTo(4);
        assertThat(mixed.executions()).isEqualTo(3);
        assertThat(store().fingerprint("t-tie").orElseThrow().errorClass()).isEqualTo("connection");
        assertThat(store().fingerprint("t-none").orElseThrow().errorClass()).isNull();
        assertThat(store().fingerprints(null, null, 10, null).items()).extracting(Fingerprint::errorClass)
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
            Page<Fingerprint> page = store().fingerprints(playbook, since, limit, cursor);
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
    default void fingerprintsPageNewestFirst() {
        ready(1);
        store().write(1, AnalyticsBatch.ofEvents(pagedTemplates()));
        List<String> all = List.of("p6", "p5", "p4", "p3", "p2", "p1", "p0");

        Page<Fingerprint> first = store().fingerprints(null, null, 3, null);
        assertThat(first.items()).extracting(Fingerprint::templateId).containsExactly("p6", "p5", "p4");
        assertThat(first.next()).isNotNull();
        Page<Fingerprint> second = store().fingerprints(null, null, 3, first.next());
        assertThat(second.items()).extracting(Fingerprint::templateId).containsExactly("p3", "p2", "p1");
        Page<Fingerprint> last = store().fingerprints(null, null, 3, second.next());
        assertThat(last).isEqualTo(new Page<>(List.of(store().fingerprint("p0").orElseThrow()), null));

        assertThat(fingerprintIds(null, null, 1)).containsExactlyElementsOf(all);
        assertThat(fingerprintIds(null, null, 2)).containsExactlyElementsOf(all);
        assertThat(store().fingerprints(null, null, 7, null).next()).as("exactly one full page").isNull();
        assertThat(store().fingerprints(null, null, 1000, null).items()).extracting(Fingerprint::templateId)
                .containsExactlyElementsOf(all);
    }

    @Test
    @DisplayName("fingerprint pages stay stable when templates arrive between pages: nothing repeats, and one that sorts after the cursor still comes")
    default void fingerprintPagesStableUnderInserts() {
        ready(1);
        store().write(1, AnalyticsBatch.ofEvents(pagedTemplates()));
        Page<Fingerprint> first = store().fingerprints(null, null, 3, null);

        store().write(1, AnalyticsBatch.ofEvents(List.of(
                error(PB, "new-top", "y1", "fetch", 1, at(9), "p7", "timeout"),
                error(PB, "new-mid", "y2", "fetch", 1, at(3), "p35", "timeout"))));

        Page<Fingerprint> second = store().fingerprints(null, null, 3, first.next());
        Page<Fingerprint> third = store().fingerprints(null, null, 3, second.next());
        assertThat(second.items()).extracting(Fingerprint::templateId).containsExactly("p35", "p3", "p2");
        assertThat(third.items()).extracting(Fingerprint::templateId).containsExactly("p1", "p0");
        assertThat(third.next()).isNull();
    }

    @Test
    @DisplayName("fingerprints of one playbook count that playbook's errors only; since keeps templates last seen at or after it, counted over their whole history")
    default void fingerprintsFilterByPlaybookAndSince() {
        ready(1);
        store().write(1, AnalyticsBatch.ofEvents(List.of(
                error(PB, "a1", "x1", "fetch", 1, at(1), "tA", "timeout"),
                error(PB, "a2", "x2", "fetch", 1, at(2), "tA", "timeout"),
                error("pb/b", "a3", "x3", "load", 1, at(10), "tA", "timeout"),
                error("pb/b", "b1", "x4", "load", 1, at(5), "tB", "connection"),
                error(PB, "c1", "x5", "parse", 1, at(20), "tC", "code_error"))));

        assertThat(store().fingerprints(PB, null, 10, null).items()).containsExactly(
                new Fingerprint("tC", "template <*>", "code_error", 1, 1, at(20), at(20), List.of(PB),
                        List.of(PB + "/parse")),
                new Fingerprint("tA", "template <*>", "timeout", 2, 2, at(1), at(2), List.of(PB),
                        List.of(PB + "/fetch")));
        Fingerprint wholeA = new Fingerprint("tA", "template <*>", "timeout", 3, 3, at(1), at(10),
                List.of(PB, "pb/b"), List.of(PB + "/fetch", "pb/b/load"));
        assertThat(store().fingerprints(null, null, 10, null).items()).extracting(Fingerprint::templateId)
                .containsExactly("tC", "tA", "tB");
        assertThat(store().fingerprint("tA")).contains(wholeA);
        assertThat(store().fingerprints(null, at(6), 10, null).items())
                .containsExactly(store().fingerprint("tC").orElseThrow(), wholeA);
        assertThat(store().fingerprints(PB, at(6), 10, null).items()).extracting(Fingerprint::templateId)
                .containsExactly("tC");
        assertThat(store().fingerprints(null, at(20), 10, null).items()).extracting(Fingerprint::templateId)
                .as("at or after").containsExactly("tC");
        assertThat(store().fingerprints("pb/none", null, 10, null)).isEqualTo(new Page<>(List.of(), null));
    }

    @Test
    @DisplayName("the executions that hit a fingerprint page most recent first with the step of their latest such error")
    default void fingerprintExecutionsNewestFirst() {
        ready(1);
        store().write(1, AnalyticsBatch.ofEvents(List.of(
                error(PB, "h0", "x0", "fetch", 1, at(1), "t-hit", "timeout"),
                error(PB, "h1", "x1", "fetch", 1, at(2), "t-hit", "timeout"),
                error(PB, "h2", "x2", "fetch", 1, at(3), "t-hit", "timeout"),
                error(PB, "h3", "x3", "fetch", 1, at(3), "t-hit", "timeout"),
                error(PB, "h4a", "x4", "fetch", 1, at(4), "t-hit", "timeout"),
                error(PB, "h4b", "x4", "load", 1, at(6), "t-hit", "timeout"),
                error(PB, "other", "x5", "fetch", 1, at(9), "t-other", "timeout"))));

        Page<ExecutionHit> first = store().fingerprintExecutions("t-hit", 2, null);
        assertThat(first.items()).containsExactly(new ExecutionHit("x4", PB, "load", at(6)),
                new ExecutionHit("x3", PB, "fetch", at(3)));
        Page<ExecutionHit> second = store().fingerprintExecutions("t-hit", 2, first.next());
        assertThat(second.items()).extracting(ExecutionHit::executionId).containsExactly("x2", "x1");
        Page<ExecutionHit> last = store().fingerprintExecutions("t-hit", 2, second.next());
        assertThat(last).isEqualTo(new Page<>(List.of(new ExecutionHit("x0", PB, "fetch", at(1))), null));
        assertThat(store().fingerprintExecutions("t-hit", 5, null).next()).isNull();
        assertThat(store().fingerprintExecutions("no-such-template", 10, null))
                .isEqualTo(new Page<>(List.of(), null));
    }

    @Test
    @DisplayName("resolutions give the latest recorded text and author per execution, in any write order; executions without one are absent")
    default void resolutionsLatestWins() {
        ready(1);
        store().write(1, AnalyticsBatch.ofEvents(List.of(
                resolution("r-new", "x1", "raised the pool size", "bob", at(9)),
                resolution("r-anon", "x2", "retried by hand", null, at(7)),
                error(PB, "x3-err", "x3", "load", 1, at(1), "t-timeout", "timeout"))));
        store().write(1, AnalyticsBatch.ofEvents(List.of(
                resolution("r-old", "x1", "restarted the database", "ann", at(5)),
                resolution("r-new", "x1", "raised the pool size", "bob", at(9)))));

        assertThat(store().resolutions(List.of("x1", "x2", "x3", "no-such-execution"))).isEqualTo(Map.of(
                "x1", new ResolutionRow("r-new", "x1", PB, "raised the pool size", "bob", at(9)),
                "x2", new ResolutionRow("r-anon", "x2", PB, "retried by hand", null, at(7))));
        assertThat(store().resolutions(List.of("x2"))).containsOnlyKeys("x2");
        assertThat(store().resolutions(List.of())).isEmpty();
        assertThat(store().resolutions(List.of("no-such-execution"))).isEmpty();
    }


    @Test
    @DisplayName("recovery by class: runs by the class of their first error, how many a later attempt recovered, and the median and highest attempt that succeeded")
    default void recoveryByClassOfFirstError() {
        ready(1);
        store().write(1, AnalyticsBatch.ofEvents(recoveryEvents()));
        assertThat(store().recoveryByClass(PB, "call", TimeRange.ALL)).containsExactly(
                new ClassRecovery("timeout", 4, 3, 2, 3),
                new ClassRecovery("connection", 2, 1, 3, 3),
                new ClassRecovery("unknown", 1, 0, 0, 0));
        // minute 1 only: b2's first error in the range is its attempt-2 rate_limited one; no success yet
        assertThat(store().recoveryByClass(PB, "call", new TimeRange(at(1), at(2)))).containsExactly(
                new ClassRecovery("timeout", 4, 0, 0, 0), new ClassRecovery("connection", 1, 0, 0, 0),
                new ClassRecovery("rate_limited", 1, 0, 0, 0), new ClassRecovery("unknown", 1, 0, 0, 0));
        assertThat(store().recoveryByClass(PB, "no-such-step", TimeRange.ALL)).isEmpty();
        assertThat(store().recoveryByClass(PB, "call", new TimeRange(at(100), null))).isEmpty();
    }
}

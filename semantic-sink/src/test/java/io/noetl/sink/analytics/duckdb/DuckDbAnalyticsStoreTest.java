package io.noetl.sink.analytics.duckdb;

import static io.noetl.sink.analytics.AnalyticsFixtures.PB;
import static io.noetl.sink.analytics.AnalyticsFixtures.at;
import static io.noetl.sink.analytics.AnalyticsFixtures.event;
import static io.noetl.sink.analytics.AnalyticsFixtures.fixtureEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.sink.analytics.AnalyticsStoreContract;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.StepQuantiles;
import io.noetl.stores.analytics.TimeRange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded DuckDB store against the analytics contract, each test on its own file. */
class DuckDbAnalyticsStoreTest extends AnalyticsStoreContract {

    @TempDir
    Path dir;

    @Override
    protected AnalyticsStore openStore() {
        return DuckDbAnalyticsStore.open(dir.resolve("analytics/noetl.duckdb"));
    }

    @Override
    protected AnalyticsStore reopen(AnalyticsStore store) {
        Path file = ((DuckDbAnalyticsStore) store).file();
        store.close();
        return DuckDbAnalyticsStore.open(file);
    }

    @Override
    protected long storedStepMetricsCount(AnalyticsStore store, int version, String playbook, String step,
            Instant windowStart) {
        return ((DuckDbAnalyticsStore) store).storedStepMetricsCount(version, playbook, step, windowStart);
    }

    @Test
    @DisplayName("queries of many threads at once, beside writes, each answer in full from a committed state")
    void concurrentQueriesBesideWrites() throws Exception {
        ready(1);
        store.write(1, AnalyticsBatch.ofEvents(fixtureEvents()));
        TimeRange all = new TimeRange(null, null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                readers.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        assertThat(store.executionErrors("e1")).extracting(e -> e.eventId()).containsExactly("l-err1");
                        StepQuantiles fetch = store.stepQuantiles(PB, all).stream()
                                .filter(q -> q.step().equals("fetch")).findFirst().orElseThrow();
                        // the fixture's 5 timed attempts, and one more for each batch written so far
                        assertThat(fetch.attempts()).isGreaterThanOrEqualTo(5);
                        assertThat(store.fingerprint("t-timeout")).get().extracting(f -> f.occurrences())
                                .isEqualTo(2L);
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 20; i++) {
                NormalizedEvent more = event("more-" + i, "m" + i, "fetch", Kinds.TASK_END, 1, 100L, at(30 + i),
                        null, null);
                assertThat(store.write(1, AnalyticsBatch.ofEvents(List.of(more)))).isEmpty();
            }
            for (Future<?> f : readers) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.counts(1).events()).isEqualTo(fixtureEvents().size() + 20L);
    }

    @Test
    @DisplayName("a query answers while a write holds the store: queries do not wait for writes")
    void queryAnswersWhileTheWriterHoldsTheStore() throws Exception {
        ready(1);
        store.write(1, AnalyticsBatch.ofEvents(fixtureEvents()));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // writes and version changes hold the store's monitor for their whole duration
            synchronized (store) {
                Future<List<String>> errors = pool.submit(() -> store.executionErrors("e2").stream()
                        .map(e -> e.eventId()).toList());
                assertThat(errors.get(30, TimeUnit.SECONDS)).containsExactly("l-err2");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

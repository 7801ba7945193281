package io.noetl.sink.analytics.duckdb;

import io.noetl.sink.analytics.AnalyticsStoreContract;
import io.noetl.stores.analytics.AnalyticsStore;
import java.nio.file.Path;
import java.time.Instant;
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
}

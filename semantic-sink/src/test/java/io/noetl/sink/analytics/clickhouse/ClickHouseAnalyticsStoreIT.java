package io.noetl.sink.analytics.clickhouse;

import static io.noetl.sink.analytics.AnalyticsFixtures.PB;
import static io.noetl.sink.analytics.AnalyticsFixtures.at;
import static io.noetl.sink.analytics.AnalyticsFixtures.event;
import static io.noetl.sink.analytics.AnalyticsFixtures.fixtureEvents;
import static io.noetl.sink.analytics.AnalyticsFixtures.fullBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.sink.analytics.AnalyticsStoreContract;
import io.noetl.sink.analytics.AnalyticsStores;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.AnalyticsStoreException;
import io.noetl.stores.analytics.TableCounts;
import io.noetl.stores.analytics.TimeRange;
import io.noetl.testkit.ClickHouseTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ClickHouse store against the analytics contract on a private {@code clickhouse-server} (one per test JVM),
 * each test in its own database; plus what happens while the server is down.
 */
class ClickHouseAnalyticsStoreIT extends AnalyticsStoreContract {

    @Override
    protected AnalyticsStore openStore() {
        String database = "contract_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return ClickHouseAnalyticsStore.open(settings(ClickHouseTestServer.shared(), database));
    }

    @Override
    protected AnalyticsStore reopen(AnalyticsStore store) {
        ClickHouseSettings settings = ((ClickHouseAnalyticsStore) store).settings();
        store.close();
        return ClickHouseAnalyticsStore.open(settings);
    }

    @Override
    protected long storedStepMetricsCount(AnalyticsStore store, int version, String playbook, String step,
            Instant windowStart) {
        return ((ClickHouseAnalyticsStore) store).storedStepMetricsCount(version, playbook, step, windowStart);
    }

    /** Settings for the store on the private server's passwordless {@code default} user. */
    static ClickHouseSettings settings(ClickHouseTestServer server, String database) {
        return ClickHouseSettings.of(server.url(), ClickHouseSettings.DEFAULT_USER, "", database);
    }

    private static List<NormalizedEvent> more(String prefix, int n) {
        List<NormalizedEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(event(prefix + i, "x" + i, "extract", Kinds.TASK_END, 1, 10L + i, at(30 + i), null, null));
        }
        return events;
    }

    @Test
    @DisplayName("while the server is down a write fails quickly with AnalyticsStoreException; after a restart the "
            + "same batch is written with nothing lost or doubled")
    void survivesServerRestart() {
        try (ClickHouseTestServer server = ClickHouseTestServer.start();
             AnalyticsStore own = ClickHouseAnalyticsStore.open(settings(server, "outage"))) {
            own.createVersion(1);
            own.switchTo(1);
            own.write(1, fullBatch());
            AnalyticsBatch during = AnalyticsBatch.ofEvents(more("b", 5));

            server.stop();
            long start = System.nanoTime();
            assertThatThrownBy(() -> own.write(1, during)).isInstanceOf(AnalyticsStoreException.class)
                    .hasMessageContaining(server.url());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThatThrownBy(() -> own.counts(1)).isInstanceOf(AnalyticsStoreException.class);
            assertThat(own.currentVersion()).as("the cached pointer keeps answering").isEqualTo(1);

            server.launch();
            own.write(1, during);
            own.write(1, fullBatch());
            assertThat(own.counts(1)).isEqualTo(new TableCounts(fixtureEvents().size() + 5, 4, 2, 2, 1));
            assertThat(own.durationHistory(PB, "extract", TimeRange.ALL, 10)).hasSize(5);
        }
    }

    @Test
    @DisplayName("NOETL_ANALYTICS_STORE=clickhouse opens the ClickHouse store named by the CLICKHOUSE_* variables and creates its database")
    void openedFromEnvironment(@TempDir Path dataDir) {
        String database = "env_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (AnalyticsStore fromEnv = AnalyticsStores.open(AnalyticsStores.settings(Map.of("NOETL_ANALYTICS_STORE", "clickhouse",
                "CLICKHOUSE_URL", ClickHouseTestServer.shared().url(), "CLICKHOUSE_DATABASE", database)), dataDir)) {
            assertThat(fromEnv).isInstanceOf(ClickHouseAnalyticsStore.class);
            assertThat(((ClickHouseAnalyticsStore) fromEnv).settings().database()).isEqualTo(database);
            fromEnv.createVersion(1);
            assertThat(fromEnv.versions()).containsExactly(1);
        }
    }

    @Test
    @DisplayName("a store opened against a server that is not running fails with AnalyticsStoreException naming the URL")
    void unreachableServerFailsAtOpen() {
        ClickHouseSettings nowhere = ClickHouseSettings.of("http://127.0.0.1:1", "default", "", "noetl");
        assertThatThrownBy(() -> ClickHouseAnalyticsStore.open(nowhere)).isInstanceOf(AnalyticsStoreException.class)
                .hasMessageContaining("http://127.0.0.1:1");
    }
}

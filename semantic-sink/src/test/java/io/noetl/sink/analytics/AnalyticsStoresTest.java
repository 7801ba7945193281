package io.noetl.sink.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.sink.analytics.clickhouse.ClickHouseSettings;
import io.noetl.stores.analytics.AnalyticsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsStoresTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("without settings the embedded store opens a DuckDB file under the data directory")
    void embeddedByDefault() {
        try (AnalyticsStore store = AnalyticsStores.open(AnalyticsStores.settings(Map.of()), dataDir)) {
            store.createVersion(1);
            assertThat(store.versions()).containsExactly(1);
        }
        assertThat(Files.exists(dataDir.resolve("analytics/noetl.duckdb"))).isTrue();
    }

    @Test
    @DisplayName("an unknown store kind is refused naming the variable and the accepted values")
    void unknownKindIsRefused() {
        assertThatThrownBy(() -> AnalyticsStores.open(AnalyticsStores.settings(Map.of("NOETL_ANALYTICS_STORE", "postgres")), dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOETL_ANALYTICS_STORE").hasMessageContaining("embedded")
                .hasMessageContaining("clickhouse").hasMessageContaining("postgres");
    }

    @Test
    @DisplayName("ClickHouse settings take defaults and refuse a missing or malformed URL and a bad database name")
    void clickHouseSettingsFromEnvironment() {
        ClickHouseSettings settings = AnalyticsStores.clickHouseSettings(Map.of("CLICKHOUSE_URL",
                "http://127.0.0.1:8123"));
        assertThat(settings.user()).isEqualTo("default");
        assertThat(settings.password()).isEmpty();
        assertThat(settings.database()).isEqualTo("noetl");
        assertThatThrownBy(() -> AnalyticsStores.open(AnalyticsStores.settings(Map.of("NOETL_ANALYTICS_STORE", "clickhouse")), dataDir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CLICKHOUSE_URL");
        assertThatThrownBy(() -> AnalyticsStores.clickHouseSettings(Map.of("CLICKHOUSE_URL", "localhost:8123")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CLICKHOUSE_URL");
        assertThatThrownBy(() -> AnalyticsStores.clickHouseSettings(Map.of("CLICKHOUSE_URL", "http://h:1",
                "CLICKHOUSE_DATABASE", "no-dashes"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CLICKHOUSE_DATABASE");
    }
}

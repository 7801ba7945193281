package io.noetl.sink.analytics;

import io.noetl.sink.analytics.clickhouse.ClickHouseAnalyticsStore;
import io.noetl.sink.analytics.clickhouse.ClickHouseSettings;
import io.noetl.sink.analytics.duckdb.DuckDbAnalyticsStore;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.AnalyticsStoreException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the analytics store the environment asks for.
 *
 * <ul>
 *   <li>{@code NOETL_ANALYTICS_STORE}: {@code embedded} (default; a DuckDB file
 *       {@code <data dir>/analytics/noetl.duckdb}) or {@code clickhouse}</li>
 *   <li>{@code CLICKHOUSE_URL} (required for {@code clickhouse}, e.g. {@code http://127.0.0.1:8123}),
 *       {@code CLICKHOUSE_USER} (default {@code default}), {@code CLICKHOUSE_PASSWORD} (default empty),
 *       {@code CLICKHOUSE_DATABASE} (default {@code noetl}, created when missing)</li>
 * </ul>
 */
public final class AnalyticsStores {

    public static final String STORE = "NOETL_ANALYTICS_STORE";
    public static final String EMBEDDED = "embedded";
    public static final String CLICKHOUSE = "clickhouse";
    public static final String CLICKHOUSE_URL = "CLICKHOUSE_URL";
    public static final String CLICKHOUSE_USER = "CLICKHOUSE_USER";
    public static final String CLICKHOUSE_PASSWORD = "CLICKHOUSE_PASSWORD";
    public static final String CLICKHOUSE_DATABASE = "CLICKHOUSE_DATABASE";

    private AnalyticsStores() {
    }

    /**
     * The analytics store's settings, parsed once.
     *
     * @param clickHouse ClickHouse's address and credentials; null for the embedded store
     */
    public record Settings(ClickHouseSettings clickHouse) {

        /** The embedded default. */
        public static Settings embedded() {
            return new Settings(null);
        }
    }

    /**
     * @return the settings of the environment ({@code NOETL_ANALYTICS_STORE}, {@code CLICKHOUSE_*})
     * @throws IllegalArgumentException naming the variable whose value is not accepted
     */
    public static Settings settings(Map<String, String> env) {
        String kind = env.getOrDefault(STORE, "").strip().toLowerCase(java.util.Locale.ROOT);
        return switch (kind) {
            case "", EMBEDDED -> Settings.embedded();
            case CLICKHOUSE -> new Settings(clickHouseSettings(env));
            default -> throw new IllegalArgumentException(STORE + " must be " + EMBEDDED + " or " + CLICKHOUSE
                    + ", got '" + env.get(STORE) + "'");
        };
    }

    /**
     * @param settings which store
     * @param dataDir  the data directory ({@code NOETL_DATA_DIR}) holding the embedded store
     * @throws AnalyticsStoreException when the store cannot be opened
     */
    public static AnalyticsStore open(Settings settings, Path dataDir) {
        return settings.clickHouse() == null
                ? DuckDbAnalyticsStore.open(embeddedFile(dataDir))
                : ClickHouseAnalyticsStore.open(settings.clickHouse());
    }

    /** @return the DuckDB file of the embedded store under a data directory */
    public static Path embeddedFile(Path dataDir) {
        if (dataDir == null) {
            throw new IllegalArgumentException("the data directory (NOETL_DATA_DIR) is needed for the embedded "
                    + "analytics store");
        }
        return dataDir.resolve("analytics").resolve("noetl.duckdb");
    }

    /** @return ClickHouse settings from {@code CLICKHOUSE_*} variables */
    public static ClickHouseSettings clickHouseSettings(Map<String, String> env) {
        String url = env.get(CLICKHOUSE_URL);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(CLICKHOUSE_URL + " is required when " + STORE + "=" + CLICKHOUSE
                    + " (e.g. http://127.0.0.1:8123)");
        }
        try {
            return ClickHouseSettings.of(url.strip(), env.get(CLICKHOUSE_USER), env.get(CLICKHOUSE_PASSWORD),
                    env.get(CLICKHOUSE_DATABASE));
        } catch (IllegalArgumentException e) {
            String variable = e.getMessage().contains("database") ? CLICKHOUSE_DATABASE : CLICKHOUSE_URL;
            throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
        }
    }
}

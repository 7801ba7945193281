package io.noetl.sink.index;

import io.noetl.schemas.settings.Env;
import io.noetl.sink.analytics.AnalyticsStores;
import io.noetl.sink.embed.Embedders;
import io.noetl.sink.vector.VectorStores;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the sink's indexes live and how vectors are made, parsed once from the environment: the data folder
 * ({@code NOETL_DATA_DIR}, holding the embedded stores), the embedder ({@code NOETL_EMBEDDER*}), the vector store
 * ({@code NOETL_VECTOR_STORE}, {@code QDRANT_*}) and the analytics store ({@code NOETL_ANALYTICS_STORE},
 * {@code CLICKHOUSE_*}).
 */
public record StoreSettings(Path dataDir, Embedders.Settings embedder, VectorStores.Settings vectors,
        AnalyticsStores.Settings analytics) {

    public StoreSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(analytics, "analytics");
    }

    /** The embedded defaults under {@code dataDir}: MiniLM embedder, embedded vectors, embedded analytics. */
    public static StoreSettings embedded(Path dataDir) {
        return new StoreSettings(dataDir, Embedders.Settings.minilm(), VectorStores.Settings.embedded(),
                AnalyticsStores.Settings.embedded());
    }

    /** @throws IllegalArgumentException naming the variable whose value is not accepted */
    public static StoreSettings fromEnv(Map<String, String> vars) {
        return new StoreSettings(Env.of(vars).dataDir(), Embedders.settings(vars), VectorStores.settings(vars),
                AnalyticsStores.settings(vars));
    }
}

package io.noetl.app.infra;

import io.noetl.insights.StoreAccess;
import io.noetl.server.ServerRole;
import io.noetl.sink.analytics.AnalyticsStores;
import io.noetl.sink.embed.Embedders;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.embed.TextNormalizer;
import io.noetl.sink.index.IndexQueries;
import io.noetl.sink.index.SinkIndexes;
import io.noetl.sink.index.StoreSettings;
import io.noetl.sink.vector.VectorStores;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.embed.Embedder;
import io.noetl.stores.embed.TextVectors;
import io.noetl.stores.vector.VectorStore;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Gives the server's insight engine the stores this process can read: the ones its own sink opened, or, for a server
 * without a sink, the production stores (Qdrant, ClickHouse) the environment names. Embedded stores are opened by one
 * process only — the sink's — so a server elsewhere answers from the executions' own events and names them missing.
 */
public final class InsightStores {

    private InsightStores() {
    }

    /** Reads the stores {@code sink} writes, until {@code life} closes them. */
    public static void fromSink(ServerRole server, SinkIndexes sink, Lifecycle life) {
        StoreAccess access = server.insights().stores();
        VectorStore vectors = sink.vectors() == null ? null : sink.vectors().store();
        TextVectors embeddings = sink.vectors() == null ? null : sink.vectors().queries();
        AnalyticsStore analytics = sink.analytics() == null ? null : sink.analytics().store();
        access.attach(new StoreAccess.Stores(vectors, embeddings, analytics));
        life.add(access::detach);
    }

    /**
     * Opens for reading the production stores the environment configures ({@code NOETL_VECTOR_STORE=qdrant},
     * {@code NOETL_ANALYTICS_STORE=clickhouse}); embedded ones are left to the process that runs the sink.
     */
    public static void fromEnvironment(ServerRole server, Map<String, String> env, Lifecycle life, PrintWriter out) {
        StoreSettings settings = StoreSettings.fromEnv(env);
        VectorStore vectors = null;
        TextVectors embeddings = null;
        if (settings.vectors().kind() == VectorStores.Kind.QDRANT) {
            vectors = life.add(VectorStores.open(settings.vectors(), settings.dataDir()));
            Embedder embedder = Embedders.open(settings.embedder(), settings.dataDir());
            life.add(() -> Embedders.close(embedder));
            embeddings = IndexQueries.of(vectors, new Embeddings(embedder, new TextNormalizer(),
                    Embeddings.DEFAULT_CACHE_SIZE));
        }
        AnalyticsStore analytics = settings.analytics().clickHouse() == null ? null
                : life.add(AnalyticsStores.open(settings.analytics(), settings.dataDir()));
        server.insights().stores().attach(new StoreAccess.Stores(vectors, embeddings, analytics));
        life.add(server.insights().stores()::detach);
        out.println("insights: " + (vectors == null ? "no vector store in this process" : "vectors from Qdrant")
                + ", " + (analytics == null ? "no analytics store in this process" : "analytics from ClickHouse")
                + (vectors == null || analytics == null ? " (embedded stores are read where the sink runs)" : ""));
    }
}

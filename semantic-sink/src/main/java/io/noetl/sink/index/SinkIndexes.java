package io.noetl.sink.index;

import io.noetl.schemas.Names;
import io.noetl.sink.analytics.AnalyticsStores;
import io.noetl.sink.embed.Embedders;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.embed.TextNormalizer;
import io.noetl.sink.vector.VectorStores;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.TableCounts;
import io.noetl.stores.embed.Embedder;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.VectorStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexes one sink fills — the vector index and the analytics index — opened together and closed together.
 * Either may be absent.
 */
public final class SinkIndexes implements AutoCloseable {

    private final VectorIndex vectors;
    private final AnalyticsIndex analytics;
    private final AutoCloseable extra;

    /**
     * @param vectors   the vector index, or null
     * @param analytics the analytics index, or null
     * @param extra     closed last (e.g. the embedding model), or null
     */
    public SinkIndexes(VectorIndex vectors, AnalyticsIndex analytics, AutoCloseable extra) {
        if (vectors == null && analytics == null) {
            throw new IllegalArgumentException("a sink needs at least one index");
        }
        this.vectors = vectors;
        this.analytics = analytics;
        this.extra = extra;
    }

    /**
     * Opens both indexes: the embedder, the vector store and the analytics store the settings name (embedded stores
     * under their data folder).
     */
    public static SinkIndexes open(StoreSettings settings, Names names) {
        Embedder embedder = Embedders.open(settings.embedder(), settings.dataDir());
        VectorStore vectorStore = null;
        try {
            vectorStore = VectorStores.open(settings.vectors(), settings.dataDir());
            AnalyticsStore analyticsStore = AnalyticsStores.open(settings.analytics(), settings.dataDir());
            Embeddings embeddings = new Embeddings(embedder, new TextNormalizer(), Embeddings.DEFAULT_CACHE_SIZE);
            return new SinkIndexes(new VectorIndex(vectorStore, embeddings, names),
                    new AnalyticsIndex(analyticsStore, names), () -> Embedders.close(embedder));
        } catch (RuntimeException e) {
            if (vectorStore != null) {
                vectorStore.close();
            }
            Embedders.close(embedder);
            throw e;
        }
    }

    /** @return the vector index, or null */
    public VectorIndex vectors() {
        return vectors;
    }

    /** @return the analytics index, or null */
    public AnalyticsIndex analytics() {
        return analytics;
    }

    /** @return the indexes present */
    public List<SinkIndex> list() {
        List<SinkIndex> out = new ArrayList<>(2);
        if (vectors != null) {
            out.add(vectors);
        }
        if (analytics != null) {
            out.add(analytics);
        }
        return List.copyOf(out);
    }

    /**
     * @return one line saying what the current versions hold, e.g. {@code analytics 412 events, 9 executions;
     *         vectors 37 failures, 9 executions, 6 playbooks}
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (analytics != null) {
            int v = analytics.currentVersion();
            TableCounts c = v == 0 ? new TableCounts(0, 0, 0, 0, 0) : analytics.counts(v);
            parts.add("analytics " + c.events() + " events, " + c.traces() + " executions, " + c.stepMetrics()
                    + " step windows, " + c.alerts() + " alerts, " + c.decisions() + " decisions");
        }
        if (vectors != null) {
            int v = vectors.currentVersion();
            parts.add("vectors " + count(v, Collections.FAILURES) + " failures, " + count(v, Collections.EXECUTIONS)
                    + " executions, " + count(v, Collections.PLAYBOOKS) + " playbooks");
        }
        return String.join("; ", parts);
    }

    private long count(int version, String base) {
        return version == 0 ? 0 : vectors.count(base, version);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (SinkIndex index : list()) {
            try {
                index.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (extra != null) {
            try {
                extra.close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("close " + extra + ": " + e, e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

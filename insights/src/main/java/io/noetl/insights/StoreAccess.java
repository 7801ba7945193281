package io.noetl.insights;

import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.embed.TextVectors;
import io.noetl.stores.vector.VectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stores the insights read, when this process can read them. A server whose process also runs the sink
 * ({@code all}, {@code demo}) {@linkplain #attach attaches} the sink's open stores once they are up; a server next to
 * ClickHouse and Qdrant attaches those at start; a server alone with embedded stores in another process attaches
 * nothing, and every answer names the stores it could not read.
 */
public final class StoreAccess {

    /** Name of the vector store in {@code missing} and errors. */
    public static final String VECTORS = "vectors";
    /** Name of the analytics store in {@code missing} and errors. */
    public static final String ANALYTICS = "analytics";

    /**
     * What is attached.
     *
     * @param vectors    the vector store, or null
     * @param embeddings how the sink turns text into vectors (needed with {@code vectors}), or null
     * @param analytics  the analytics store, or null
     */
    public record Stores(VectorStore vectors, TextVectors embeddings, AnalyticsStore analytics) {
        public Stores {
            if (vectors != null && embeddings == null) {
                throw new IllegalArgumentException("a vector store needs the embeddings its points were made with");
            }
        }
    }

    private volatile Stores stores = new Stores(null, null, null);

    /** Reads these stores from now on. */
    public void attach(Stores attached) {
        this.stores = attached;
    }

    /** Stops reading the stores (they are closing). */
    public void detach() {
        this.stores = new Stores(null, null, null);
    }

    public Optional<VectorStore> vectors() {
        return Optional.ofNullable(stores.vectors());
    }

    public Optional<TextVectors> embeddings() {
        return Optional.ofNullable(stores.embeddings());
    }

    public Optional<AnalyticsStore> analytics() {
        return Optional.ofNullable(stores.analytics());
    }

    /** @return the names of the stores not attached */
    public List<String> absent() {
        List<String> out = new ArrayList<>(2);
        Stores s = stores;
        if (s.vectors() == null) {
            out.add(VECTORS);
        }
        if (s.analytics() == null) {
            out.add(ANALYTICS);
        }
        return out;
    }
}

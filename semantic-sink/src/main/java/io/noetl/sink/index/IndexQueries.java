package io.noetl.sink.index;

import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.embed.TextVectors;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.VectorStore;
import io.noetl.stores.vector.VectorStoreException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link TextVectors} a reader of the vector index embeds its queries with: the sink's embeddings, refusing to
 * embed a query while the version readers use was built by another embedder ({@link EmbedderCheck}), since its
 * nearest neighbours would be noise. The refusal is an {@link IllegalStateException} naming both embedders and the
 * replay that rebuilds the index; a reader reports it as the vector store being unusable. Thread-safe.
 */
public final class IndexQueries implements TextVectors {

    private final TextVectors embeddings;
    private final Supplier<Optional<String>> mismatch;

    IndexQueries(TextVectors embeddings, Supplier<Optional<String>> mismatch) {
        this.embeddings = embeddings;
        this.mismatch = mismatch;
    }

    /**
     * Queries for a reader that has the store but not the sink's {@link VectorIndex} (a server next to Qdrant).
     *
     * @param store      the vector store the sink writes
     * @param embeddings the embeddings of this process
     */
    public static IndexQueries of(VectorStore store, TextVectors embeddings) {
        CachedPointer pointer = new CachedPointer(() -> store.aliasTarget(Collections.FAILURES)
                .map(c -> Collections.versionOf(Collections.FAILURES, c)).orElse(0));
        EmbedderCheck check = new EmbedderCheck(store, new EmbedderMarks(store), embeddings, pointer::get);
        return new IndexQueries(embeddings, check::current);
    }

    /** @return what is wrong with the current version for this process's queries; empty when nothing is */
    public Optional<String> mismatch() {
        try {
            return mismatch.get();
        } catch (VectorStoreException | SinkUnavailableException e) {
            throw new IllegalStateException("check the embedder of the vector index: " + e.getMessage(), e);
        }
    }

    @Override
    public String embedderId() {
        return embeddings.embedderId();
    }

    @Override
    public int dimension() {
        return embeddings.dimension();
    }

    /** @throws IllegalStateException when the current version was built by another embedder */
    @Override
    public float[] embed(EmbeddingInput input) {
        Optional<String> problem = mismatch();
        if (problem.isPresent()) {
            throw new IllegalStateException(problem.get());
        }
        return embeddings.embed(input);
    }
}

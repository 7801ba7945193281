package io.noetl.sink.index;

import io.noetl.stores.embed.TextVectors;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.VectorStore;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The rule that keeps one embedder per version of the vector index: a version takes points, and answers queries,
 * only from the embedder that made it ({@link EmbedderMarks}). Vectors of two embedders are never mixed — not even
 * when both have the same dimension, where the store could not tell them apart — because a nearest-neighbour
 * search across two vector spaces returns noise.
 *
 * <p>The fix for a mismatch is a full replay ({@code ./noetl replay --target vectors}): it builds a new version
 * with the process's embedder from the Kafka topics and switches readers to it. Thread-safe.
 */
public final class EmbedderCheck {

    /** The command that rebuilds the vector index with the configured embedder. */
    public static final String FIX = "./noetl replay --target vectors";

    private final VectorStore store;
    private final EmbedderMarks marks;
    private final TextVectors embeddings;
    private final IntSupplier currentVersion;

    /**
     * @param store          the store of the index
     * @param marks          the embedders of its versions
     * @param embeddings     the process's embedder
     * @param currentVersion the version readers use (0 for none)
     */
    public EmbedderCheck(VectorStore store, EmbedderMarks marks, TextVectors embeddings, IntSupplier currentVersion) {
        this.store = store;
        this.marks = marks;
        this.embeddings = embeddings;
        this.currentVersion = currentVersion;
    }

    /** @return the problem with the version readers use; empty when it agrees or there is none */
    public Optional<String> current() {
        int version = currentVersion.getAsInt();
        return version == 0 ? Optional.empty() : version(version);
    }

    /**
     * @return why {@code version} must not take this process's vectors, naming both embedders and the fix; empty
     *         when it may (same embedder, or an old version of unknown embedder and the same dimension), or when
     *         the version does not exist
     */
    public Optional<String> version(int version) {
        String collection = Collections.versioned(Collections.FAILURES, version);
        Optional<EmbedderMarks.Mark> mark = marks.of(collection);
        String id = embeddings.embedderId();
        if (mark.isPresent() && mark.get().embedderId().equals(id)) {
            return Optional.empty();
        }
        if (mark.isEmpty() && !store.collectionExists(collection)) {
            return Optional.empty();
        }
        int stored = store.dimension(collection);
        int dimension = embeddings.dimension();
        String dimensions = stored == dimension ? "" : " (dimension mismatch, expected " + stored + ", got "
                + dimension + ")";
        if (mark.isEmpty()) {
            if (stored == dimension) {
                return Optional.empty();
            }
            return Optional.of("vector index version " + version + " holds " + stored + "-dimensional vectors but "
                    + "the embedder " + id + " gives " + dimension + consequence(id));
        }
        String built = mark.get().embedderId() + (mark.get().assumed()
                ? " (assumed: the version predates recorded embedder ids, and " + EmbedderMarks.LEGACY_ID
                        + " was the default then)" : "");
        return Optional.of("vector index version " + version + " was built with embedder " + built
                + " but this process embeds with " + id + dimensions + consequence(id));
    }

    private static String consequence(String id) {
        return ": vectors of two embedders are never mixed, so new points are refused (dead letters) and similarity"
                + " searches fail until the index is rebuilt with " + id + " by '" + FIX + "' (or set NOETL_EMBEDDER"
                + " back to the index's embedder)";
    }
}

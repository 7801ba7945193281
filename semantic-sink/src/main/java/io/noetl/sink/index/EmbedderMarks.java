package io.noetl.sink.index;

import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.PointIds;
import io.noetl.stores.vector.VectorPoint;
import io.noetl.stores.vector.VectorStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which embedder made the vectors of each version of an index: one marker point per version in the collection
 * {@value #COLLECTION}, keyed by the name of the version's first collection (e.g. {@code noetl_failures_v3}), whose
 * payload text is the embedder's id ({@code minilm-l6-v2-q-384}).
 *
 * <p>Why a marker collection: it goes through the {@link VectorStore} API only, so it works the same on the
 * embedded store and through the Qdrant client (and on any store that passes the contract), with no
 * backend-specific code. The embedded store's own collection metadata ({@code collection.properties}) is not
 * reachable through that API, and Qdrant has collection metadata only in newer servers. A marker is looked up by
 * its point id (a UUIDv5 of the key), so no payload index is needed. Its vector is a one-dimensional placeholder.
 *
 * <p>The marker is written (and committed) before a version's collections are created, so a version never exists
 * without it — except versions made before markers were: a version with no marker whose collection has
 * {@value #LEGACY_DIMENSION} dimensions counts as made by {@value #LEGACY_ID}, the default embedder of that time;
 * one of another dimension has no known embedder (only its dimension can be checked).
 *
 * <p>Reads are cached for {@link SinkIndex#POINTER_REFRESH_MS} ms (a version's embedder never changes while it
 * exists; the cache only has to notice a version dropped and made again elsewhere); this instance's own
 * {@link #record} and {@link #forget} are seen at once. Thread-safe.
 */
public final class EmbedderMarks {

    /** The collection holding the markers. */
    public static final String COLLECTION = "noetl_index_embedders";
    /** The embedder a version made before markers existed is taken to have: the default of that time. */
    public static final String LEGACY_ID = "hashing-v1-384";
    /** The dimension of the vectors of {@link #LEGACY_ID}. */
    public static final int LEGACY_DIMENSION = 384;

    private static final float[] PLACEHOLDER = {1.0f};

    /**
     * The embedder of a version.
     *
     * @param embedderId the embedder's id
     * @param assumed    true when no marker exists and the id is {@link #LEGACY_ID} by the rule for old versions
     */
    public record Mark(String embedderId, boolean assumed) {
    }

    private record Cached(Optional<Mark> mark, long readAt) {
    }

    private final VectorStore store;
    private final LongSupplier clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** @param store where the markers and the versions live */
    public EmbedderMarks(VectorStore store) {
        this(store, System::currentTimeMillis);
    }

    EmbedderMarks(VectorStore store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records (or records again) that {@code collection}'s version is made by {@code embedderId}; durable on return.
     *
     * @param collection the first collection of the version, existing or about to be created
     */
    public void record(String collection, String embedderId) {
        store.createCollection(COLLECTION, PLACEHOLDER.length);
        Payload payload = Payload.builder().key(collection).text(embedderId).time(Instant.now()).build();
        store.upsert(COLLECTION, List.of(VectorPoint.of(PLACEHOLDER, payload)));
        store.commit();
        cache.put(collection, new Cached(Optional.of(new Mark(embedderId, false)), clock.getAsLong()));
    }

    /**
     * @param collection the first collection of a version
     * @return its embedder: the marker, else {@link #LEGACY_ID} (assumed) when the collection exists with
     *         {@value #LEGACY_DIMENSION} dimensions; empty when the collection does not exist or its embedder is
     *         unknown
     */
    public Optional<Mark> of(String collection) {
        long now = clock.getAsLong();
        Cached c = cache.get(collection);
        if (c != null && now - c.readAt() < SinkIndex.POINTER_REFRESH_MS) {
            return c.mark();
        }
        Optional<Mark> mark = read(collection);
        cache.put(collection, new Cached(mark, now));
        return mark;
    }

    /** Removes the marker of a dropped version; does nothing when there is none. */
    public void forget(String collection) {
        if (store.collectionExists(COLLECTION)) {
            store.delete(COLLECTION, List.of(PointIds.of(collection)));
            store.commit();
        }
        cache.remove(collection);
    }

    private Optional<Mark> read(String collection) {
        if (!store.collectionExists(collection)) {
            return Optional.empty();
        }
        if (store.collectionExists(COLLECTION)) {
            Optional<String> id = store.get(COLLECTION, PointIds.of(collection)).map(p -> p.payload().text())
                    .filter(t -> t != null && !t.isBlank());
            if (id.isPresent()) {
                return Optional.of(new Mark(id.get(), false));
            }
        }
        return store.dimension(collection) == LEGACY_DIMENSION ? Optional.of(new Mark(LEGACY_ID, true))
                : Optional.empty();
    }
}

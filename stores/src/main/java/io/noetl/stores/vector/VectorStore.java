package io.noetl.stores.vector;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Named collections of unit-length vectors with a {@link Payload}, searched by cosine similarity. Implementations:
 * the embedded HNSW index on local disk (default) and Qdrant; both pass the same contract tests.
 *
 * <p>Semantics every implementation keeps:
 * <ul>
 *   <li>A collection has one fixed dimension, set by {@link #createCollection}; names match
 *       {@link Collections#NAME_PATTERN}. A new index version is a new collection (e.g. {@code noetl_failures_v2});
 *       switching readers to it is a later alias step, so callers address collections only by name.</li>
 *   <li>{@link #upsert} replaces a point with the same id (ids are UUIDv5 of a business key, see
 *       {@link PointIds}), so writing the same events twice leaves one point each. Vectors are normalized on write.</li>
 *   <li>After {@code upsert} or {@code delete} returns, searches see the change. After {@link #commit} returns, the
 *       change survives a crash; a sink acknowledges its input only after {@code commit}.</li>
 *   <li>An <em>alias</em> is a second name for a collection ({@code noetl_failures} for {@code noetl_failures_v3}).
 *       Every operation that takes a collection name also takes an alias and acts on its target;
 *       {@link #switchAliases} re-points several aliases in one atomic step, so a reader sees all old targets or all
 *       new ones. Alias names follow the collection name rule and never name a collection; dropping a collection
 *       removes the aliases pointing at it. {@link #collections()} lists collections only.</li>
 *   <li>Bad input fails with {@link IllegalArgumentException} naming what is wrong: unknown collection, wrong
 *       dimension (expected vs got), non-finite or zero vector, payload over {@link #maxPayloadBytes()}, a limit out
 *       of range. Storage failures are {@link VectorStoreException}s naming the operation.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface VectorStore extends AutoCloseable {

    /** Largest {@link SearchRequest#limit()} accepted. */
    int MAX_LIMIT = 1000;

    /**
     * Creates a collection, or does nothing when it exists with the same dimension.
     *
     * @param name      collection name
     * @param dimension vector length, 1 to 4096
     * @throws IllegalArgumentException when the name is invalid, or the collection exists with another dimension
     */
    void createCollection(String name, int dimension);

    /** Deletes a collection and its points; does nothing when it does not exist. */
    void dropCollection(String name);

    /** @return whether the collection exists */
    boolean collectionExists(String name);

    /** @return names of the existing collections, sorted */
    List<String> collections();

    /**
     * @return the collection's dimension
     * @throws IllegalArgumentException when it does not exist
     */
    int dimension(String collection);

    /** Inserts or replaces points (by id); within one call a later point with the same id wins. */
    void upsert(String collection, List<VectorPoint> points);

    /** Deletes points by id; unknown ids are ignored. */
    void delete(String collection, Collection<UUID> ids);

    /** @return the point with this id, if present */
    Optional<VectorPoint> get(String collection, UUID id);

    /** @return the number of points */
    long count(String collection);

    /** @return the best matches, highest cosine similarity first, at most {@code request.limit()} */
    List<SearchHit> search(String collection, SearchRequest request);

    /** Makes every change so far durable. */
    void commit();

    /** @return the largest payload accepted, in bytes (see {@link Payload#sizeBytes()}) */
    int maxPayloadBytes();

    /**
     * Points each alias at its collection, all in one atomic step (creating aliases that do not exist).
     *
     * @throws IllegalArgumentException when a target is not a collection, or an alias name is a collection's name
     */
    void switchAliases(Map<String, String> aliasToCollection);

    /** @return the collection an alias points at, if the alias exists */
    Optional<String> aliasTarget(String alias);

    /** Removes an alias (not its collection); does nothing when it does not exist. */
    void deleteAlias(String alias);

    /** Commits and releases resources. */
    @Override
    void close();
}

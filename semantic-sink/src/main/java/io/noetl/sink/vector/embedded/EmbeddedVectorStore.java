package io.noetl.sink.vector.embedded;

import io.noetl.sink.vector.PointChecks;
import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorPoint;
import io.noetl.stores.vector.VectorStore;
import io.noetl.stores.vector.VectorStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link VectorStore}: one Lucene HNSW index per collection under {@code root/<name>/index}, with the
 * collection's dimension in {@code root/<name>/collection.properties}. Data survives close and reopen; each index
 * version of a collection is its own folder. Collections open lazily on first use. Dropping a collection must not
 * race with writes to it.
 *
 * <p>Collections and aliases are kept by {@link CollectionRegistry}; points are written and searched here, through
 * each collection's {@link LuceneCollection}.
 */
public final class EmbeddedVectorStore implements VectorStore {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedVectorStore.class);

    private final EmbeddedStoreOptions options;
    private final CollectionRegistry registry;

    /**
     * @param options settings; the root folder is created when missing
     * @throws VectorStoreException when the root cannot be created
     */
    public EmbeddedVectorStore(EmbeddedStoreOptions options) {
        this.options = options;
        try {
            Files.createDirectories(options.root());
        } catch (IOException e) {
            throw new VectorStoreException("create vector store folder " + options.root(), e);
        }
        this.registry = new CollectionRegistry(options);
        LOG.info("embedded vector store at {} (maxConn {}, beamWidth {}, candidates {})", options.root(),
                options.maxConn(), options.beamWidth(), options.candidates());
    }

    /** A store with default settings under {@code root}. */
    public static EmbeddedVectorStore open(Path root) {
        return new EmbeddedVectorStore(EmbeddedStoreOptions.defaults(root));
    }

    @Override
    public void createCollection(String name, int dimension) {
        registry.create(name, dimension);
    }

    @Override
    public void dropCollection(String name) {
        registry.drop(name);
    }

    @Override
    public boolean collectionExists(String name) {
        return registry.exists(name);
    }

    @Override
    public List<String> collections() {
        return registry.names();
    }

    @Override
    public int dimension(String collection) {
        return registry.get(collection).dimension();
    }

    @Override
    public void upsert(String collection, List<VectorPoint> points) {
        LuceneCollection c = registry.get(collection);
        if (points == null) {
            throw new IllegalArgumentException("points to upsert into " + collection + " must not be null");
        }
        List<float[]> units = new ArrayList<>(points.size());
        for (VectorPoint p : points) {
            if (p == null) {
                throw new IllegalArgumentException("null point in upsert into " + collection);
            }
            String what = "point " + p.id() + " of " + collection;
            units.add(PointChecks.unitVector(what, p.vector(), c.dimension()));
            PointChecks.payloadSize(what, p.payload(), options.maxPayloadBytes());
        }
        try {
            c.upsert(points, units);
        } catch (IOException e) {
            throw new VectorStoreException("upsert " + points.size() + " points into " + collection, e);
        }
    }

    @Override
    public void delete(String collection, Collection<UUID> ids) {
        LuceneCollection c = registry.get(collection);
        if (ids == null || ids.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("ids to delete from " + collection + " must not be or hold null");
        }
        try {
            c.delete(ids);
        } catch (IOException e) {
            throw new VectorStoreException("delete " + ids.size() + " points from " + collection, e);
        }
    }

    @Override
    public Optional<VectorPoint> get(String collection, UUID id) {
        LuceneCollection c = registry.get(collection);
        if (id == null) {
            throw new IllegalArgumentException("point id to get from " + collection + " must not be null");
        }
        try {
            return c.get(id);
        } catch (IOException e) {
            throw new VectorStoreException("get point " + id + " from " + collection, e);
        }
    }

    @Override
    public long count(String collection) {
        try {
            return registry.get(collection).count();
        } catch (IOException e) {
            throw new VectorStoreException("count points of " + collection, e);
        }
    }

    @Override
    public List<SearchHit> search(String collection, SearchRequest request) {
        LuceneCollection c = registry.get(collection);
        if (request == null) {
            throw new IllegalArgumentException("search request on " + collection + " must not be null");
        }
        float[] unit = PointChecks.unitVector("query on " + collection, request.vector(), c.dimension());
        try {
            return c.search(unit, request.limit(), DocumentMapping.pointFilter(request.filter()),
                    !request.filter().isEmpty());
        } catch (IOException e) {
            throw new VectorStoreException("search " + collection, e);
        }
    }

    @Override
    public void commit() {
        registry.commitAll();
    }

    @Override
    public void switchAliases(Map<String, String> aliasToCollection) {
        registry.switchAliases(aliasToCollection);
    }

    @Override
    public Optional<String> aliasTarget(String alias) {
        return registry.aliasTarget(alias);
    }

    @Override
    public void deleteAlias(String alias) {
        registry.deleteAlias(alias);
    }

    @Override
    public int maxPayloadBytes() {
        return options.maxPayloadBytes();
    }

    @Override
    public void close() {
        registry.closeAll();
    }
}

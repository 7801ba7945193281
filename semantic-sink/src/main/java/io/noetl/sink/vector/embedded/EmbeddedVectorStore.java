package io.noetl.sink.vector.embedded;

import io.noetl.sink.vector.Collections;
import io.noetl.sink.vector.PointChecks;
import io.noetl.sink.vector.SearchHit;
import io.noetl.sink.vector.SearchRequest;
import io.noetl.sink.vector.VectorPoint;
import io.noetl.sink.vector.VectorStore;
import io.noetl.sink.vector.VectorStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link VectorStore}: one Lucene HNSW index per collection under {@code root/<name>/index}, with the
 * collection's dimension in {@code root/<name>/collection.properties}. Data survives close and reopen; each index
 * version of a collection is its own folder. Collections open lazily on first use. Dropping a collection must not
 * race with writes to it.
 */
public final class EmbeddedVectorStore implements VectorStore {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedVectorStore.class);
    private static final String INDEX = "index";

    private final EmbeddedStoreOptions options;
    private final Map<String, LuceneCollection> open = new ConcurrentHashMap<>();
    private final AliasTable aliases;

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
        this.aliases = new AliasTable(options.root());
        LOG.info("embedded vector store at {} (maxConn {}, beamWidth {}, candidates {})", options.root(),
                options.maxConn(), options.beamWidth(), options.candidates());
    }

    /** A store with default settings under {@code root}. */
    public static EmbeddedVectorStore open(Path root) {
        return new EmbeddedVectorStore(EmbeddedStoreOptions.defaults(root));
    }

    @Override
    public synchronized void createCollection(String name, int dimension) {
        Path dir = dir(name);
        if (aliases.target(name).isPresent()) {
            throw new IllegalArgumentException("cannot create collection " + name + ": it is an alias of "
                    + aliases.target(name).get());
        }
        if (dimension < 1 || dimension > 4096) {
            throw new IllegalArgumentException("collection " + name + ": dimension must be 1..4096, got " + dimension);
        }
        if (CollectionMeta.exists(dir)) {
            int existing = dimension(name);
            if (existing != dimension) {
                throw new IllegalArgumentException("collection " + name + " exists with dimension " + existing
                        + ", cannot create it with dimension " + dimension);
            }
            return;
        }
        try {
            Files.createDirectories(dir.resolve(INDEX));
            open.put(name, new LuceneCollection(dir.resolve(INDEX), dimension, options));
            new CollectionMeta(dimension).write(dir);
        } catch (IOException e) {
            throw new VectorStoreException("create collection " + name + " in " + dir, e);
        }
        LOG.info("created collection {} (dimension {})", name, dimension);
    }

    @Override
    public synchronized void dropCollection(String name) {
        Path dir = dir(name);
        LuceneCollection c = open.remove(name);
        try {
            if (c != null) {
                c.close();
            }
            Map<String, String> kept = new java.util.TreeMap<>(aliases.all());
            if (kept.values().removeIf(name::equals)) {
                aliases.replace(kept);
            }
            if (Files.exists(dir)) {
                Files.delete(dir.resolve(CollectionMeta.FILE));
                deleteTree(dir);
                LOG.info("dropped collection {}", name);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new VectorStoreException("drop collection " + name + " in " + dir, e);
        }
    }

    @Override
    public boolean collectionExists(String name) {
        return CollectionMeta.exists(dir(resolve(name)));
    }

    @Override
    public List<String> collections() {
        try (Stream<Path> dirs = Files.list(options.root())) {
            return dirs.filter(CollectionMeta::exists).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new VectorStoreException("list collections in " + options.root(), e);
        }
    }

    @Override
    public int dimension(String collection) {
        return collection(collection).dimension();
    }

    @Override
    public void upsert(String collection, List<VectorPoint> points) {
        LuceneCollection c = collection(collection);
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
        LuceneCollection c = collection(collection);
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
        LuceneCollection c = collection(collection);
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
            return collection(collection).count();
        } catch (IOException e) {
            throw new VectorStoreException("count points of " + collection, e);
        }
    }

    @Override
    public List<SearchHit> search(String collection, SearchRequest request) {
        LuceneCollection c = collection(collection);
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
        for (Map.Entry<String, LuceneCollection> e : open.entrySet()) {
            try {
                e.getValue().commit();
            } catch (IOException ex) {
                throw new VectorStoreException("commit collection " + e.getKey(), ex);
            }
        }
    }

    @Override
    public synchronized void switchAliases(Map<String, String> aliasToCollection) {
        if (aliasToCollection == null || aliasToCollection.isEmpty()) {
            throw new IllegalArgumentException("aliases to switch must not be null or empty");
        }
        Map<String, String> next = new java.util.TreeMap<>(aliases.all());
        for (Map.Entry<String, String> e : aliasToCollection.entrySet()) {
            String alias = Collections.checkName(e.getKey());
            String target = Collections.checkName(e.getValue());
            if (CollectionMeta.exists(dir(alias))) {
                throw new IllegalArgumentException("alias " + alias + " is the name of a collection");
            }
            if (!CollectionMeta.exists(dir(target))) {
                throw new IllegalArgumentException("alias " + alias + " cannot point at unknown collection '"
                        + target + "'");
            }
            next.put(alias, target);
        }
        aliases.replace(next);
        LOG.info("aliases switched: {}", aliasToCollection);
    }

    @Override
    public Optional<String> aliasTarget(String alias) {
        return aliases.target(Collections.checkName(alias));
    }

    @Override
    public synchronized void deleteAlias(String alias) {
        Map<String, String> next = new java.util.TreeMap<>(aliases.all());
        if (next.remove(Collections.checkName(alias)) != null) {
            aliases.replace(next);
        }
    }

    @Override
    public int maxPayloadBytes() {
        return options.maxPayloadBytes();
    }

    @Override
    public synchronized void close() {
        VectorStoreException failure = null;
        for (Map.Entry<String, LuceneCollection> e : open.entrySet()) {
            try {
                e.getValue().close();
            } catch (IOException ex) {
                failure = new VectorStoreException("close collection " + e.getKey(), ex);
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** @return the collection an alias points at, or the name itself */
    private String resolve(String name) {
        return aliases.target(Collections.checkName(name)).orElse(name);
    }

    private LuceneCollection collection(String nameOrAlias) {
        String name = resolve(nameOrAlias);
        LuceneCollection c = open.get(name);
        if (c != null) {
            return c;
        }
        synchronized (this) {
            c = open.get(name);
            if (c != null) {
                return c;
            }
            Path dir = dir(name);
            if (!CollectionMeta.exists(dir)) {
                throw new IllegalArgumentException("unknown collection '" + name + "' in " + options.root());
            }
            try {
                c = new LuceneCollection(dir.resolve(INDEX), CollectionMeta.read(dir).dimension(), options);
            } catch (IOException e) {
                throw new VectorStoreException("open collection " + name + " in " + dir, e);
            }
            open.put(name, c);
            return c;
        }
    }

    private Path dir(String name) {
        return options.root().resolve(Collections.checkName(name));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

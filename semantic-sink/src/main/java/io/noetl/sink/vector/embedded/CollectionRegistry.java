package io.noetl.sink.vector.embedded;

import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.VectorStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collections of the embedded store and their aliases: each collection is a folder {@code root/<name>} with its
 * dimension in {@link CollectionMeta} and its Lucene index under {@code index}, opened lazily on first use and kept
 * open until the store closes. Changes (create, drop, alias switches) are serialized here.
 */
final class CollectionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionRegistry.class);
    private static final String INDEX = "index";

    private final EmbeddedStoreOptions options;
    private final Map<String, LuceneCollection> open = new ConcurrentHashMap<>();
    private final AliasTable aliases;

    CollectionRegistry(EmbeddedStoreOptions options) {
        this.options = options;
        this.aliases = new AliasTable(options.root());
    }

    synchronized void create(String name, int dimension) {
        Path dir = dir(name);
        if (aliases.target(name).isPresent()) {
            throw new IllegalArgumentException("cannot create collection " + name + ": it is an alias of "
                    + aliases.target(name).get());
        }
        if (dimension < 1 || dimension > 4096) {
            throw new IllegalArgumentException("collection " + name + ": dimension must be 1..4096, got " + dimension);
        }
        if (CollectionMeta.exists(dir)) {
            int existing = get(name).dimension();
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

    /** Drops a collection and the aliases pointing at it; must not race with writes to it. */
    synchronized void drop(String name) {
        Path dir = dir(name);
        LuceneCollection c = open.remove(name);
        try {
            if (c != null) {
                c.close();
            }
            Map<String, String> kept = new TreeMap<>(aliases.all());
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

    boolean exists(String nameOrAlias) {
        return CollectionMeta.exists(dir(resolve(nameOrAlias)));
    }

    List<String> names() {
        try (Stream<Path> dirs = Files.list(options.root())) {
            return dirs.filter(CollectionMeta::exists).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new VectorStoreException("list collections in " + options.root(), e);
        }
    }

    /**
     * @return the open collection a name or alias names, opened now when it was not yet
     * @throws IllegalArgumentException when there is no such collection
     */
    LuceneCollection get(String nameOrAlias) {
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

    synchronized void switchAliases(Map<String, String> aliasToCollection) {
        if (aliasToCollection == null || aliasToCollection.isEmpty()) {
            throw new IllegalArgumentException("aliases to switch must not be null or empty");
        }
        Map<String, String> next = new TreeMap<>(aliases.all());
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

    Optional<String> aliasTarget(String alias) {
        return aliases.target(Collections.checkName(alias));
    }

    synchronized void deleteAlias(String alias) {
        Map<String, String> next = new TreeMap<>(aliases.all());
        if (next.remove(Collections.checkName(alias)) != null) {
            aliases.replace(next);
        }
    }

    /** Commits every open collection. */
    void commitAll() {
        for (Map.Entry<String, LuceneCollection> e : open.entrySet()) {
            try {
                e.getValue().commit();
            } catch (IOException ex) {
                throw new VectorStoreException("commit collection " + e.getKey(), ex);
            }
        }
    }

    /** Closes every open collection; the last failure is thrown after all were tried. */
    synchronized void closeAll() {
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

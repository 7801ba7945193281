package io.noetl.sink.vector.qdrant;

import io.noetl.stores.vector.Collections;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.AliasOperations;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CreateAlias;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.DeleteAlias;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administration side of {@link QdrantVectorStore}: creating and dropping collections with their payload indexes,
 * switching and deleting aliases, resolving an alias to its collection, and the dimensions of collections (cached by
 * real name; a collection's dimension never changes while it exists).
 */
final class QdrantCollections {

    private static final Logger LOG = LoggerFactory.getLogger(QdrantCollections.class);

    private final QdrantClient client;
    private final QdrantCalls calls;
    private final Duration timeout;
    private final Map<String, Integer> dimensions = new ConcurrentHashMap<>();

    QdrantCollections(QdrantClient client, QdrantCalls calls) {
        this.client = client;
        this.calls = calls;
        this.timeout = calls.timeout();
    }

    void create(String name, int dimension) {
        Collections.checkName(name);
        if (dimension < 1 || dimension > 4096) {
            throw new IllegalArgumentException("collection " + name + ": dimension must be 1..4096, got " + dimension);
        }
        String aliasOf = aliases().get(name);
        if (aliasOf != null) {
            throw new IllegalArgumentException("cannot create collection " + name + ": it is an alias of " + aliasOf);
        }
        Optional<Integer> existing = info(name);
        if (existing.isEmpty()) {
            CreateCollection create = CreateCollection.newBuilder().setCollectionName(name)
                    .setVectorsConfig(VectorsConfig.newBuilder().setParams(VectorParams.newBuilder()
                            .setSize(dimension).setDistance(Distance.Cosine)))
                    .build();
            try {
                calls.await("create collection " + name, null, () -> client.createCollectionAsync(create, timeout));
                createIndexes(name);
                dimensions.put(name, dimension);
                LOG.info("created Qdrant collection {} (dimension {})", name, dimension);
                return;
            } catch (IllegalArgumentException e) {
                existing = info(name);
                if (existing.isEmpty()) {
                    throw e;
                }
            }
        }
        if (existing.get() != dimension) {
            throw new IllegalArgumentException("collection " + name + " exists with dimension " + existing.get()
                    + ", cannot create it with dimension " + dimension);
        }
        createIndexes(name); // idempotent; completes a creation that stopped before its indexes
    }

    void drop(String name) {
        Collections.checkName(name);
        dimensions.remove(name);
        try {
            // the raw call: the client's deleteCollectionAsync turns "nothing to delete" (result false) into a failure
            DeleteCollection request = DeleteCollection.newBuilder().setCollectionName(name).build();
            boolean dropped = calls.await("drop collection " + name, null, () -> client.grpcClient().collections()
                    .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).delete(request)).getResult();
            if (dropped) {
                LOG.info("dropped Qdrant collection {}", name);
            }
        } catch (IllegalArgumentException notThere) {
            LOG.debug("collection {} to drop does not exist: {}", name, notThere.getMessage());
        }
    }

    boolean exists(String name) {
        String real = resolve(name);
        return calls.await("check collection " + real, null, () -> client.collectionExistsAsync(real, timeout));
    }

    List<String> names() {
        return calls.await("list collections", null, () -> client.listCollectionsAsync(timeout)).stream().sorted()
                .toList();
    }

    void switchAliases(Map<String, String> aliasToCollection) {
        if (aliasToCollection == null || aliasToCollection.isEmpty()) {
            throw new IllegalArgumentException("aliases to switch must not be null or empty");
        }
        Set<String> existing = new HashSet<>(names());
        Map<String, String> current = aliases();
        List<AliasOperations> actions = new ArrayList<>();
        for (Map.Entry<String, String> e : aliasToCollection.entrySet()) {
            String alias = Collections.checkName(e.getKey());
            String target = Collections.checkName(e.getValue());
            if (existing.contains(alias)) {
                throw new IllegalArgumentException("alias " + alias + " is the name of a collection");
            }
            if (!existing.contains(target)) {
                throw new IllegalArgumentException("alias " + alias + " cannot point at unknown collection '"
                        + target + "'");
            }
            if (current.containsKey(alias)) {
                actions.add(AliasOperations.newBuilder()
                        .setDeleteAlias(DeleteAlias.newBuilder().setAliasName(alias)).build());
            }
            actions.add(AliasOperations.newBuilder()
                    .setCreateAlias(CreateAlias.newBuilder().setAliasName(alias).setCollectionName(target)).build());
        }
        calls.await("switch aliases " + aliasToCollection, null, () -> client.updateAliasesAsync(actions, timeout));
        LOG.info("Qdrant aliases switched: {}", aliasToCollection);
    }

    Optional<String> aliasTarget(String alias) {
        return Optional.ofNullable(aliases().get(Collections.checkName(alias)));
    }

    void deleteAlias(String alias) {
        if (!aliases().containsKey(Collections.checkName(alias))) {
            return;
        }
        List<AliasOperations> delete = List.of(AliasOperations.newBuilder()
                .setDeleteAlias(DeleteAlias.newBuilder().setAliasName(alias)).build());
        try {
            calls.await("delete alias " + alias, null, () -> client.updateAliasesAsync(delete, timeout));
        } catch (IllegalArgumentException goneMeanwhile) {
            LOG.debug("alias {} was removed by someone else: {}", alias, goneMeanwhile.getMessage());
        }
    }

    /** @return the collection an alias names, or the name itself */
    String resolve(String nameOrAlias) {
        Collections.checkName(nameOrAlias);
        return aliases().getOrDefault(nameOrAlias, nameOrAlias);
    }

    /** @return the dimension of a collection by its real name */
    int dimensionOf(String real) {
        Integer known = dimensions.get(real);
        if (known != null) {
            return known;
        }
        int dim = info(real).orElseThrow(() -> new IllegalArgumentException("unknown collection '" + real
                + "' in Qdrant at " + calls.endpoint()));
        dimensions.put(real, dim);
        return dim;
    }

    /** Forgets what is cached about a collection: the server refused a write to it, it may have been replaced. */
    void forget(String real) {
        dimensions.remove(real);
    }

    private void createIndexes(String name) {
        for (String field : QdrantPayloads.KEYWORD_INDEXES) {
            calls.await("index payload field " + field + " of " + name, name, () -> client.createPayloadIndexAsync(
                    name, field, PayloadSchemaType.Keyword, null, true, null, timeout));
        }
        calls.await("index payload field " + QdrantPayloads.TIME_MS + " of " + name, name,
                () -> client.createPayloadIndexAsync(name, QdrantPayloads.TIME_MS, PayloadSchemaType.Integer, null,
                        true, null, timeout));
    }

    /** @return alias name to collection name, as the server has them now */
    private Map<String, String> aliases() {
        List<AliasDescription> all = calls.await("list aliases", null, () -> client.listAliasesAsync(timeout));
        return all.stream().collect(Collectors.toMap(AliasDescription::getAliasName,
                AliasDescription::getCollectionName, (a, b) -> b));
    }

    /** @return the dimension of a collection, empty when it does not exist */
    private Optional<Integer> info(String name) {
        CollectionInfo info;
        try {
            info = calls.await("get collection " + name, name, () -> client.getCollectionInfoAsync(name, timeout));
        } catch (QdrantCalls.UnknownCollection e) {
            return Optional.empty();
        }
        VectorsConfig config = info.getConfig().getParams().getVectorsConfig();
        if (!config.hasParams()) {
            throw new IllegalArgumentException("collection " + name + " has named vectors; this store uses one "
                    + "unnamed dense vector per point");
        }
        return Optional.of((int) config.getParams().getSize());
    }
}

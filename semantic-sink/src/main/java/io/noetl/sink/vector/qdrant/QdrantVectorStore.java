package io.noetl.sink.vector.qdrant;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.ManagedChannel;
import io.noetl.sink.vector.Collections;
import io.noetl.sink.vector.PointChecks;
import io.noetl.sink.vector.SearchHit;
import io.noetl.sink.vector.SearchRequest;
import io.noetl.sink.vector.VectorPoint;
import io.noetl.sink.vector.VectorStore;
import io.noetl.sink.vector.VectorStoreException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
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
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.Vectors;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link VectorStore} on Qdrant over gRPC. Collections use cosine distance with one unnamed dense vector; a point's
 * id is its UUID; payload fields are keywords and the time is integer epoch milliseconds (see {@link QdrantPayloads}).
 *
 * <p>Input is checked here before anything is sent, with the same words as the embedded store. Point operations
 * resolve an alias to its collection first (one alias listing per call), so a dimension check and the write it
 * guards address the same collection even while aliases switch. Writes are sent with {@code wait=true}: when a call
 * returns, Qdrant has applied the change and written it to its write-ahead log, so {@link #commit()} has nothing left
 * to do. Every call has a deadline; an unreachable server or a missed deadline is a {@link VectorStoreException}
 * naming the operation.
 */
public final class QdrantVectorStore implements VectorStore {

    private static final Logger LOG = LoggerFactory.getLogger(QdrantVectorStore.class);
    /** Points per upsert request, to stay well under gRPC message limits at dimension 384 with text payloads. */
    static final int UPSERT_CHUNK = 512;

    private final QdrantClient client;
    private final QdrantCalls calls;
    private final Duration timeout;
    private final int maxPayloadBytes;
    private final String endpoint;
    /** Dimensions of collections by real name; a collection's dimension never changes while it exists. */
    private final Map<String, Integer> dimensions = new ConcurrentHashMap<>();

    private QdrantVectorStore(QdrantClient client, Duration timeout, int maxPayloadBytes, String endpoint) {
        this.client = client;
        this.calls = new QdrantCalls(client.grpcClient().channel(), timeout, endpoint);
        this.timeout = timeout;
        this.maxPayloadBytes = maxPayloadBytes;
        this.endpoint = endpoint;
    }

    /** A store talking to the server the options name; connects lazily on the first call. */
    public static QdrantVectorStore connect(QdrantOptions options) {
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(options.host(), options.port(), options.tls(),
                false).withTimeout(options.timeout());
        if (options.apiKey() != null) {
            grpc.withApiKey(options.apiKey());
        }
        String endpoint = options.host() + ":" + options.port();
        LOG.info("Qdrant vector store at {} (tls {}, api key {}, timeout {})", endpoint, options.tls(),
                options.apiKey() == null ? "none" : "set", options.timeout());
        return new QdrantVectorStore(new QdrantClient(grpc.build()), options.timeout(), options.maxPayloadBytes(),
                endpoint);
    }

    /**
     * A store on an existing channel (e.g. an in-process one), with the API key, timeout and payload limit of
     * {@code options} (their address is not used); the store shuts the channel down on {@link #close()}.
     */
    public static QdrantVectorStore onChannel(ManagedChannel channel, QdrantOptions options) {
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(channel, true, false)
                .withTimeout(options.timeout());
        if (options.apiKey() != null) {
            grpc.withApiKey(options.apiKey());
        }
        return new QdrantVectorStore(new QdrantClient(grpc.build()), options.timeout(), options.maxPayloadBytes(),
                channel.authority());
    }

    /** @return the server's version, as its health check reports it */
    public String serverVersion() {
        return await("health check of Qdrant at " + endpoint, null, () -> client.healthCheckAsync(timeout))
                .getVersion();
    }

    @Override
    public void createCollection(String name, int dimension) {
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
                await("create collection " + name, null, () -> client.createCollectionAsync(create, timeout));
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

    @Override
    public void dropCollection(String name) {
        Collections.checkName(name);
        dimensions.remove(name);
        try {
            // the raw call: the client's deleteCollectionAsync turns "nothing to delete" (result false) into a failure
            DeleteCollection request = DeleteCollection.newBuilder().setCollectionName(name).build();
            boolean dropped = await("drop collection " + name, null, () -> client.grpcClient().collections()
                    .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).delete(request)).getResult();
            if (dropped) {
                LOG.info("dropped Qdrant collection {}", name);
            }
        } catch (IllegalArgumentException notThere) {
            LOG.debug("collection {} to drop does not exist: {}", name, notThere.getMessage());
        }
    }

    @Override
    public boolean collectionExists(String name) {
        String real = resolve(name);
        return await("check collection " + real, null, () -> client.collectionExistsAsync(real, timeout));
    }

    @Override
    public List<String> collections() {
        return await("list collections", null, () -> client.listCollectionsAsync(timeout)).stream().sorted()
                .toList();
    }

    @Override
    public int dimension(String collection) {
        return dimensionOf(resolve(collection));
    }

    @Override
    public void upsert(String collection, List<VectorPoint> points) {
        String real = resolve(collection);
        int dim = dimensionOf(real);
        if (points == null) {
            throw new IllegalArgumentException("points to upsert into " + collection + " must not be null");
        }
        Map<UUID, PointStruct> structs = new LinkedHashMap<>();
        for (VectorPoint p : points) {
            if (p == null) {
                throw new IllegalArgumentException("null point in upsert into " + collection);
            }
            String what = "point " + p.id() + " of " + collection;
            float[] unit = PointChecks.unitVector(what, p.vector(), dim);
            PointChecks.payloadSize(what, p.payload(), maxPayloadBytes);
            structs.remove(p.id());
            structs.put(p.id(), PointStruct.newBuilder().setId(pointId(p.id()))
                    .setVectors(Vectors.newBuilder().setVector(Vector.newBuilder().setDense(dense(unit))))
                    .putAllPayload(QdrantPayloads.toQdrant(p.payload())).build());
        }
        List<PointStruct> all = new ArrayList<>(structs.values());
        for (int from = 0; from < all.size(); from += UPSERT_CHUNK) {
            List<PointStruct> chunk = all.subList(from, Math.min(all.size(), from + UPSERT_CHUNK));
            UpsertPoints request = UpsertPoints.newBuilder().setCollectionName(real).setWait(true)
                    .addAllPoints(chunk).build();
            write("upsert " + chunk.size() + " points into " + real, real,
                    () -> client.upsertAsync(request, timeout));
        }
    }

    @Override
    public void delete(String collection, Collection<UUID> ids) {
        String real = resolve(collection);
        if (ids == null || ids.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("ids to delete from " + collection + " must not be or hold null");
        }
        if (ids.isEmpty()) {
            dimensionOf(real);
            return;
        }
        DeletePoints request = DeletePoints.newBuilder().setCollectionName(real).setWait(true)
                .setPoints(PointsSelector.newBuilder().setPoints(PointsIdsList.newBuilder()
                        .addAllIds(ids.stream().map(QdrantVectorStore::pointId).toList())))
                .build();
        write("delete " + ids.size() + " points from " + real, real, () -> client.deleteAsync(request, timeout));
    }

    @Override
    public Optional<VectorPoint> get(String collection, UUID id) {
        String real = resolve(collection);
        if (id == null) {
            throw new IllegalArgumentException("point id to get from " + collection + " must not be null");
        }
        GetPoints request = GetPoints.newBuilder().setCollectionName(real).addIds(pointId(id))
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(true))
                .setWithVectors(WithVectorsSelector.newBuilder().setEnable(true)).build();
        List<RetrievedPoint> found = await("get point " + id + " from " + real, real,
                () -> client.retrieveAsync(request, timeout));
        return found.stream().findFirst().map(p -> new VectorPoint(id, vectorOf(p.getVectors().getVector()),
                QdrantPayloads.fromQdrant(p.getPayloadMap())));
    }

    @Override
    public long count(String collection) {
        String real = resolve(collection);
        return await("count points of " + real, real, () -> client.countAsync(real, null, true, timeout));
    }

    @Override
    public List<SearchHit> search(String collection, SearchRequest request) {
        String real = resolve(collection);
        int dim = dimensionOf(real);
        if (request == null) {
            throw new IllegalArgumentException("search request on " + collection + " must not be null");
        }
        float[] unit = PointChecks.unitVector("query on " + collection, request.vector(), dim);
        QueryPoints.Builder query = QueryPoints.newBuilder().setCollectionName(real)
                .setQuery(Query.newBuilder().setNearest(VectorInput.newBuilder().setDense(dense(unit))))
                .setLimit(request.limit())
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(true));
        Filter filter = QdrantPayloads.toQdrant(request.filter());
        if (filter != null) {
            query.setFilter(filter);
        }
        QueryPoints built = query.build();
        List<ScoredPoint> scored = await("search " + real, real, () -> client.queryAsync(built, timeout));
        return scored.stream().map(p -> new SearchHit(UUID.fromString(p.getId().getUuid()), p.getScore(),
                QdrantPayloads.fromQdrant(p.getPayloadMap()))).toList();
    }

    /** Writes are sent with {@code wait=true} and are durable when they return; nothing is buffered here. */
    @Override
    public void commit() {
    }

    @Override
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    @Override
    public void switchAliases(Map<String, String> aliasToCollection) {
        if (aliasToCollection == null || aliasToCollection.isEmpty()) {
            throw new IllegalArgumentException("aliases to switch must not be null or empty");
        }
        Set<String> existing = new HashSet<>(collections());
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
        await("switch aliases " + aliasToCollection, null, () -> client.updateAliasesAsync(actions, timeout));
        LOG.info("Qdrant aliases switched: {}", aliasToCollection);
    }

    @Override
    public Optional<String> aliasTarget(String alias) {
        return Optional.ofNullable(aliases().get(Collections.checkName(alias)));
    }

    @Override
    public void deleteAlias(String alias) {
        if (!aliases().containsKey(Collections.checkName(alias))) {
            return;
        }
        List<AliasOperations> delete = List.of(AliasOperations.newBuilder()
                .setDeleteAlias(DeleteAlias.newBuilder().setAliasName(alias)).build());
        try {
            await("delete alias " + alias, null, () -> client.updateAliasesAsync(delete, timeout));
        } catch (IllegalArgumentException goneMeanwhile) {
            LOG.debug("alias {} was removed by someone else: {}", alias, goneMeanwhile.getMessage());
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private void createIndexes(String name) {
        for (String field : QdrantPayloads.KEYWORD_INDEXES) {
            await("index payload field " + field + " of " + name, name, () -> client.createPayloadIndexAsync(name,
                    field, PayloadSchemaType.Keyword, null, true, null, timeout));
        }
        await("index payload field " + QdrantPayloads.TIME_MS + " of " + name, name,
                () -> client.createPayloadIndexAsync(name, QdrantPayloads.TIME_MS, PayloadSchemaType.Integer, null,
                        true, null, timeout));
    }

    /** @return alias name to collection name, as the server has them now */
    private Map<String, String> aliases() {
        List<AliasDescription> all = await("list aliases", null, () -> client.listAliasesAsync(timeout));
        return all.stream().collect(Collectors.toMap(AliasDescription::getAliasName,
                AliasDescription::getCollectionName, (a, b) -> b));
    }

    /** @return the collection an alias names, or the name itself */
    private String resolve(String nameOrAlias) {
        Collections.checkName(nameOrAlias);
        return aliases().getOrDefault(nameOrAlias, nameOrAlias);
    }

    private int dimensionOf(String real) {
        Integer known = dimensions.get(real);
        if (known != null) {
            return known;
        }
        int dim = info(real).orElseThrow(() -> new IllegalArgumentException("unknown collection '" + real
                + "' in Qdrant at " + endpoint));
        dimensions.put(real, dim);
        return dim;
    }

    /** @return the dimension of a collection, empty when it does not exist */
    private Optional<Integer> info(String name) {
        CollectionInfo info;
        try {
            info = await("get collection " + name, name, () -> client.getCollectionInfoAsync(name, timeout));
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

    /** A write: on a refusal by the server, forget what is cached about the collection (it may have been replaced). */
    private <T> T await(String operation, String collection, Supplier<ListenableFuture<T>> call) {
        return calls.await(operation, collection, call);
    }

    private <T> T write(String operation, String collection, Supplier<ListenableFuture<T>> call) {
        try {
            return await(operation, collection, call);
        } catch (IllegalArgumentException e) {
            dimensions.remove(collection);
            throw e;
        }
    }

    private static PointId pointId(UUID id) {
        return PointId.newBuilder().setUuid(id.toString()).build();
    }

    private static DenseVector dense(float[] v) {
        DenseVector.Builder b = DenseVector.newBuilder();
        for (float x : v) {
            b.addData(x);
        }
        return b.build();
    }

    private static float[] vectorOf(VectorOutput out) {
        List<Float> data = out.hasDense() ? out.getDense().getDataList() : out.getDataList();
        float[] v = new float[data.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = data.get(i);
        }
        return v;
    }
}

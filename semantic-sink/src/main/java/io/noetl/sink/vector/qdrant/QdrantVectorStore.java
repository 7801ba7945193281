package io.noetl.sink.vector.qdrant;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.ManagedChannel;
import io.noetl.sink.vector.PointChecks;
import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorPoint;
import io.noetl.stores.vector.VectorStore;
import io.noetl.stores.vector.VectorStoreException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
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
 *
 * <p>Collections and aliases are administered by {@link QdrantCollections}; requests are built by
 * {@link QdrantPoints}.
 */
public final class QdrantVectorStore implements VectorStore {

    private static final Logger LOG = LoggerFactory.getLogger(QdrantVectorStore.class);
    /** Points per upsert request, to stay well under gRPC message limits at dimension 384 with text payloads. */
    static final int UPSERT_CHUNK = 512;

    private final QdrantClient client;
    private final QdrantCalls calls;
    private final QdrantCollections collections;
    private final Duration timeout;
    private final int maxPayloadBytes;

    private QdrantVectorStore(QdrantClient client, Duration timeout, int maxPayloadBytes, String endpoint) {
        this.client = client;
        this.calls = new QdrantCalls(client.grpcClient().channel(), timeout, endpoint);
        this.collections = new QdrantCollections(client, calls);
        this.timeout = timeout;
        this.maxPayloadBytes = maxPayloadBytes;
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
        return calls.await("health check of Qdrant at " + calls.endpoint(), null,
                () -> client.healthCheckAsync(timeout)).getVersion();
    }

    @Override
    public void createCollection(String name, int dimension) {
        collections.create(name, dimension);
    }

    @Override
    public void dropCollection(String name) {
        collections.drop(name);
    }

    @Override
    public boolean collectionExists(String name) {
        return collections.exists(name);
    }

    @Override
    public List<String> collections() {
        return collections.names();
    }

    @Override
    public int dimension(String collection) {
        return collections.dimensionOf(collections.resolve(collection));
    }

    @Override
    public void upsert(String collection, List<VectorPoint> points) {
        String real = collections.resolve(collection);
        int dim = collections.dimensionOf(real);
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
            structs.put(p.id(), QdrantPoints.struct(p, unit));
        }
        List<PointStruct> all = new ArrayList<>(structs.values());
        for (int from = 0; from < all.size(); from += UPSERT_CHUNK) {
            List<PointStruct> chunk = all.subList(from, Math.min(all.size(), from + UPSERT_CHUNK));
            UpsertPoints request = QdrantPoints.upsert(real, chunk);
            write("upsert " + chunk.size() + " points into " + real, real,
                    () -> client.upsertAsync(request, timeout));
        }
    }

    @Override
    public void delete(String collection, Collection<UUID> ids) {
        String real = collections.resolve(collection);
        if (ids == null || ids.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("ids to delete from " + collection + " must not be or hold null");
        }
        if (ids.isEmpty()) {
            collections.dimensionOf(real);
            return;
        }
        DeletePoints request = QdrantPoints.delete(real, ids);
        write("delete " + ids.size() + " points from " + real, real, () -> client.deleteAsync(request, timeout));
    }

    @Override
    public Optional<VectorPoint> get(String collection, UUID id) {
        String real = collections.resolve(collection);
        if (id == null) {
            throw new IllegalArgumentException("point id to get from " + collection + " must not be null");
        }
        GetPoints request = QdrantPoints.get(real, id);
        List<RetrievedPoint> found = calls.await("get point " + id + " from " + real, real,
                () -> client.retrieveAsync(request, timeout));
        return found.stream().findFirst().map(p -> QdrantPoints.point(id, p));
    }

    @Override
    public long count(String collection) {
        String real = collections.resolve(collection);
        return calls.await("count points of " + real, real, () -> client.countAsync(real, null, true, timeout));
    }

    @Override
    public List<SearchHit> search(String collection, SearchRequest request) {
        String real = collections.resolve(collection);
        int dim = collections.dimensionOf(real);
        if (request == null) {
            throw new IllegalArgumentException("search request on " + collection + " must not be null");
        }
        float[] unit = PointChecks.unitVector("query on " + collection, request.vector(), dim);
        QueryPoints query = QdrantPoints.query(real, request, unit);
        List<ScoredPoint> scored = calls.await("search " + real, real, () -> client.queryAsync(query, timeout));
        return scored.stream().map(QdrantPoints::hit).toList();
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
        collections.switchAliases(aliasToCollection);
    }

    @Override
    public Optional<String> aliasTarget(String alias) {
        return collections.aliasTarget(alias);
    }

    @Override
    public void deleteAlias(String alias) {
        collections.deleteAlias(alias);
    }

    @Override
    public void close() {
        client.close();
    }

    /** A write: on a refusal by the server, forget what is cached about the collection (it may have been replaced). */
    private <T> T write(String operation, String collection, Supplier<ListenableFuture<T>> call) {
        try {
            return calls.await(operation, collection, call);
        } catch (IllegalArgumentException e) {
            collections.forget(collection);
            throw e;
        }
    }
}

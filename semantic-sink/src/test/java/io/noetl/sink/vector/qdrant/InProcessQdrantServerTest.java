package io.noetl.sink.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.Collections.AliasOperations;
import io.qdrant.client.grpc.Collections.CreateAlias;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-process server answers the real Qdrant client the way Qdrant does, errors included. */
class InProcessQdrantServerTest {

    private InProcessQdrantServer server;
    private QdrantClient client;

    @BeforeEach
    void start() throws Exception {
        server = InProcessQdrantServer.startNew();
        client = new QdrantClient(QdrantGrpcClient.newBuilder(server.channel(), true, false).build());
        get(client.createCollectionAsync("c", VectorParams.newBuilder().setSize(3).setDistance(Distance.Cosine)
                .build()));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static <T> T get(Future<T> f) throws Exception {
        return f.get();
    }

    private static Status.Code code(Future<?> f) {
        try {
            f.get();
        } catch (ExecutionException e) {
            return Status.fromThrowable(e.getCause()).getCode();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return Status.Code.OK;
    }

    private static PointStruct point(UUID id, Map<String, io.qdrant.client.grpc.JsonWithInt.Value> payload,
            float... v) {
        return PointStruct.newBuilder().setId(PointIdFactory.id(id)).setVectors(VectorsFactory.vectors(v))
                .putAllPayload(payload).build();
    }

    @Test
    @DisplayName("the health check reports a 1.18 server")
    void healthCheck() throws Exception {
        assertThat(get(client.healthCheckAsync()).getVersion()).isEqualTo("1.18.0");
    }

    @Test
    @DisplayName("an unknown collection is NOT_FOUND; a vector of the wrong length is INVALID_ARGUMENT and writes nothing")
    void errors() throws Exception {
        assertThat(code(client.countAsync("nope"))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(client.getCollectionInfoAsync("nope"))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(client.upsertAsync("c", List.of(point(UUID.randomUUID(), Map.of(), 1, 0, 0),
                point(UUID.randomUUID(), Map.of(), 1, 0))))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(get(client.countAsync("c"))).isZero();
        assertThat(code(client.createCollectionAsync("c", VectorParams.newBuilder().setSize(3)
                .setDistance(Distance.Cosine).build()))).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(get(client.grpcClient().collections().delete(io.qdrant.client.grpc.Collections.DeleteCollection
                .newBuilder().setCollectionName("nope").build())).getResult()).isFalse();
    }

    @Test
    @DisplayName("alias actions apply all together or not at all, and point operations resolve aliases")
    void aliasesAreAtomic() throws Exception {
        AliasOperations good = AliasOperations.newBuilder().setCreateAlias(CreateAlias.newBuilder()
                .setAliasName("a").setCollectionName("c")).build();
        AliasOperations bad = AliasOperations.newBuilder().setCreateAlias(CreateAlias.newBuilder()
                .setAliasName("b").setCollectionName("missing")).build();

        assertThat(code(client.updateAliasesAsync(List.of(good, bad)))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(get(client.listAliasesAsync())).isEmpty();

        get(client.updateAliasesAsync(List.of(good)));
        get(client.upsertAsync("a", List.of(point(UUID.randomUUID(), Map.of(), 1, 2, 3))));
        assertThat(get(client.countAsync("c"))).isEqualTo(1);
        get(client.deleteCollectionAsync("c"));
        assertThat(get(client.listAliasesAsync())).isEmpty();
    }

    @Test
    @DisplayName("a write with wait=true answers Completed, without wait Acknowledged; both are visible at once")
    void waitSemantics() throws Exception {
        UpsertPoints.Builder upsert = UpsertPoints.newBuilder().setCollectionName("c")
                .addPoints(point(UUID.randomUUID(), Map.of(), 1, 0, 0));
        assertThat(get(client.upsertAsync(upsert.setWait(true).build())).getStatus())
                .isEqualTo(UpdateStatus.Completed);
        assertThat(get(client.upsertAsync(upsert.setWait(false).build())).getStatus())
                .isEqualTo(UpdateStatus.Acknowledged);
        assertThat(get(client.countAsync("c"))).isEqualTo(1);
    }

    @Test
    @DisplayName("queries score by exact cosine and honour keyword matches and integer ranges")
    void exactFilteredQuery() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        get(client.upsertAsync("c", List.of(
                point(a, Map.of("p", ValueFactory.value("x"), "t", ValueFactory.value(10)), 1, 0, 0),
                point(b, Map.of("p", ValueFactory.value("x"), "t", ValueFactory.value(20)), 0, 1, 0),
                point(c, Map.of("p", ValueFactory.value("y")), 1, 1, 0))));

        List<ScoredPoint> all = get(client.queryAsync(QueryPoints.newBuilder().setCollectionName("c")
                .setQuery(QueryFactory.nearest(2, 0, 0)).setLimit(3).build()));
        assertThat(all).extracting(p -> p.getId().getUuid()).containsExactly(a.toString(), c.toString(),
                b.toString());
        assertThat(all.get(1).getScore()).isCloseTo((float) Math.sqrt(0.5), org.assertj.core.api.Assertions
                .within(1e-6f));

        Filter xFrom15 = Filter.newBuilder().addMust(ConditionFactory.matchKeyword("p", "x"))
                .addMust(ConditionFactory.range("t", io.qdrant.client.grpc.Common.Range.newBuilder().setGte(15)
                        .build())).build();
        List<ScoredPoint> filtered = get(client.queryAsync(QueryPoints.newBuilder().setCollectionName("c")
                .setQuery(QueryFactory.nearest(1, 0, 0)).setFilter(xFrom15).setLimit(3).build()));
        assertThat(filtered).extracting(p -> p.getId().getUuid()).containsExactly(b.toString());
        assertThat(get(client.countAsync("c", xFrom15, true))).isEqualTo(1);
    }

    @Test
    @DisplayName("stopped, calls fail UNAVAILABLE; started again, the data is still there")
    void stopAndStartKeepData() throws Exception {
        get(client.upsertAsync("c", List.of(point(UUID.randomUUID(), Map.of(), 1, 0, 0))));
        server.stop();
        assertThat(code(client.countAsync("c"))).isEqualTo(Status.Code.UNAVAILABLE);
        server.start();
        try (QdrantClient again = new QdrantClient(QdrantGrpcClient.newBuilder(server.channel(), true, false)
                .build())) {
            assertThat(get(again.countAsync("c"))).isEqualTo(1);
        }
    }
}

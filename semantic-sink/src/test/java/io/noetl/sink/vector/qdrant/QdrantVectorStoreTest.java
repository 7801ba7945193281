package io.noetl.sink.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.noetl.sink.vector.VectorStoreContract;
import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.PointIds;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorPoint;
import io.noetl.stores.vector.VectorStore;
import io.noetl.stores.vector.VectorStoreException;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The vector store contract, and what is particular to Qdrant, against the in-process Qdrant-protocol server. */
class QdrantVectorStoreTest extends VectorStoreContract {

    private static InProcessQdrantServer server;

    @BeforeAll
    static void startServer() {
        server = InProcessQdrantServer.startNew();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static QdrantOptions options() {
        return QdrantOptions.fromUrl("localhost:6334", null).withTimeout(Duration.ofSeconds(10));
    }

    @Override
    protected VectorStore openStore() {
        server.start();
        return QdrantVectorStore.onChannel(server.channel(), options());
    }

    @Override
    protected VectorStore reopen(VectorStore old) {
        old.close();
        return QdrantVectorStore.onChannel(server.channel(), options());
    }

    @Test
    @DisplayName("payload fields are stored as keywords, the time as integer epoch millis, and filtered fields are indexed")
    void payloadLayoutInQdrant() {
        Payload payload = Payload.builder().key("evt-1").playbook("data/load").errorClass("timeout")
                .time(T0.plusMillis(5)).build();
        store.upsert(coll, List.of(VectorPoint.of(axis(0), payload)));

        Map<String, Value> stored = server.memory().get(coll, List.of(PointIds.of("evt-1").toString())).getFirst()
                .payload();
        assertThat(stored).containsOnlyKeys("key", "playbook", "error_class", "time_ms");
        assertThat(stored.get("playbook").getStringValue()).isEqualTo("data/load");
        assertThat(stored.get("time_ms").getKindCase()).isEqualTo(Value.KindCase.INTEGER_VALUE);
        assertThat(stored.get("time_ms").getIntegerValue()).isEqualTo(T0.toEpochMilli() + 5);
        assertThat(server.memory().info(coll).indexedFields()).containsEntry("playbook", "Keyword")
                .containsEntry("time_ms", "Integer");
    }

    @Test
    @DisplayName("when the server is down, calls fail with a VectorStoreException naming the operation; back up, the data is there")
    void serverDownAndBack() {
        store.upsert(coll, List.of(VectorPoint.of(axis(0), Payload.builder().key("kept").build())));
        server.stop();
        try {
            assertThatThrownBy(() -> store.count(coll)).isInstanceOf(VectorStoreException.class)
                    .hasMessageContaining("list aliases").hasMessageContaining("UNAVAILABLE");
            assertThatThrownBy(() -> store.collections()).isInstanceOf(VectorStoreException.class)
                    .hasMessageContaining("list collections");
        } finally {
            server.start();
        }
        // the channel reconnects on the next call after a failure (no gRPC backoff to sit out)
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .ignoreException(VectorStoreException.class)
                .untilAsserted(() -> assertThat(store.count(coll)).isEqualTo(1));
        assertThat(store.search(coll, SearchRequest.of(axis(0), 1)).getFirst().payload().key()).isEqualTo("kept");
    }

    @Test
    @DisplayName("the server's own checks answer like Qdrant: an unknown collection is NOT_FOUND, a wrong dimension INVALID_ARGUMENT")
    void serverErrorsMapToIllegalArgument() {
        store.upsert(coll, List.of(VectorPoint.of(axis(0), Payload.builder().key("a").build())));
        server.memory().delete(coll);
        server.memory().create(coll, io.qdrant.client.grpc.Collections.VectorParams.newBuilder().setSize(DIM + 1)
                .setDistance(io.qdrant.client.grpc.Collections.Distance.Cosine).build());

        assertThatThrownBy(() -> store.upsert(coll, List.of(VectorPoint.of(axis(1), Payload.builder().key("b")
                .build())))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected dim: " + (DIM + 1)).hasMessageContaining("got " + DIM);
        assertThat(store.dimension(coll)).as("a refused write forgets the cached dimension").isEqualTo(DIM + 1);
        server.memory().delete(coll);
        assertThatThrownBy(() -> store.get(coll, PointIds.of("a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown collection '" + coll + "'");
        store.createCollection(coll, DIM);
    }

    @Test
    @DisplayName("a call the server does not answer within the deadline is a VectorStoreException naming the operation")
    void deadline() {
        server.answerAfter(Duration.ofMillis(1500));
        try (QdrantVectorStore impatient = QdrantVectorStore.onChannel(server.channel(),
                options().withTimeout(Duration.ofMillis(200)))) {
            assertThatThrownBy(impatient::collections).isInstanceOf(VectorStoreException.class)
                    .hasMessageContaining("list collections").hasMessageContaining("DEADLINE_EXCEEDED");
        } finally {
            server.answerAfter(Duration.ZERO);
        }
    }

    @Test
    @DisplayName("the API key is sent with every call; a wrong key is refused as a VectorStoreException naming the operation")
    void apiKey() {
        try (InProcessQdrantServer secured = InProcessQdrantServer.startNew("s3cret");
                QdrantVectorStore good = QdrantVectorStore.onChannel(secured.channel(),
                        QdrantOptions.fromUrl("localhost", "s3cret"));
                QdrantVectorStore bad = QdrantVectorStore.onChannel(secured.channel(),
                        QdrantOptions.fromUrl("localhost", "wrong"))) {
            good.createCollection("secured", DIM);
            assertThat(good.collections()).containsExactly("secured");
            assertThat(good.serverVersion()).startsWith("1.18.");
            assertThatThrownBy(bad::collections).isInstanceOf(VectorStoreException.class)
                    .hasMessageContaining("list collections").hasMessageContaining("UNAUTHENTICATED");
        }
    }
}

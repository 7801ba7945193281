package io.noetl.sink.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.sink.vector.qdrant.InProcessQdrantServer;
import io.noetl.sink.vector.qdrant.QdrantVectorStore;
import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorPoint;
import io.noetl.stores.vector.VectorStore;
import io.noetl.stores.vector.VectorStoreException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorStoresTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("without NOETL_VECTOR_STORE the embedded store opens under <dataDir>/vectors")
    void embeddedByDefault() {
        try (VectorStore store = VectorStores.open(VectorStores.settings(Map.of()), dataDir)) {
            assertThat(store).isInstanceOf(EmbeddedVectorStore.class);
            store.createCollection("c", 4);
        }
        assertThat(dataDir.resolve("vectors").resolve("c")).isDirectory();
        try (VectorStore store = VectorStores.open(VectorStores.settings(Map.of("NOETL_VECTOR_STORE", "embedded")), dataDir)) {
            assertThat(store.collections()).containsExactly("c");
        }
    }

    @Test
    @DisplayName("NOETL_VECTOR_STORE=qdrant opens a Qdrant store on QDRANT_URL without needing the server yet")
    void qdrant() {
        Map<String, String> env = Map.of("NOETL_VECTOR_STORE", "Qdrant", "QDRANT_URL", "http://127.0.0.1:1",
                "QDRANT_API_KEY", "k");
        assertThat(VectorStores.qdrantOptions(env).apiKey()).isEqualTo("k");
        try (VectorStore store = VectorStores.open(VectorStores.settings(env), dataDir)) {
            assertThat(store).isInstanceOf(QdrantVectorStore.class);
            assertThatThrownBy(store::collections).isInstanceOf(VectorStoreException.class)
                    .hasMessageContaining("list collections");
        }
    }

    @Test
    @DisplayName("a Qdrant store opened from the environment reaches the server over TCP with its API key")
    void qdrantOverTcp() {
        try (InProcessQdrantServer server = InProcessQdrantServer.startOnLoopback("k");
                VectorStore store = VectorStores.open(VectorStores.settings(Map.of("NOETL_VECTOR_STORE", "qdrant", "QDRANT_URL",
                        "http://127.0.0.1:" + server.port(), "QDRANT_API_KEY", "k")), dataDir)) {
            store.createCollection("tcp", 2);
            store.upsert("tcp", java.util.List.of(VectorPoint.of(new float[] {1, 0},
                    Payload.builder().key("a").build())));
            assertThat(store.search("tcp", SearchRequest.of(new float[] {1, 0}, 1)).getFirst().payload().key())
                    .isEqualTo("a");
        }
    }

    @Test
    @DisplayName("bad settings are refused naming the variable")
    void badSettings() {
        assertThatThrownBy(() -> VectorStores.open(VectorStores.settings(Map.of("NOETL_VECTOR_STORE", "milvus")), dataDir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOETL_VECTOR_STORE")
                .hasMessageContaining("milvus");
        assertThatThrownBy(() -> VectorStores.open(VectorStores.settings(Map.of("NOETL_VECTOR_STORE", "qdrant")), dataDir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QDRANT_URL");
        assertThatThrownBy(() -> VectorStores.open(VectorStores.settings(Map.of("NOETL_VECTOR_STORE", "qdrant", "QDRANT_URL",
                "ftp://x")), dataDir)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QDRANT_URL");
    }
}

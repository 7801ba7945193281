package io.noetl.sink.vector.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.sink.vector.VectorStoreContract;
import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.VectorPoint;
import io.noetl.stores.vector.VectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedVectorStoreTest extends VectorStoreContract {

    @TempDir
    Path root;

    @Override
    protected VectorStore openStore() {
        return EmbeddedVectorStore.open(root);
    }

    @Override
    protected VectorStore reopen(VectorStore old) {
        old.close();
        return EmbeddedVectorStore.open(root);
    }

    @Test
    @DisplayName("each collection, and each version of one, is its own folder with its dimension on disk")
    void collectionsAreFolders() throws Exception {
        store.createCollection(coll + "_v2", 4);

        assertThat(root.resolve(coll).resolve("collection.properties")).exists();
        assertThat(Files.readString(root.resolve(coll + "_v2").resolve("collection.properties")))
                .contains("dimension=4");
        assertThat(store.collections()).containsExactly(coll, coll + "_v2");
    }

    @Test
    @DisplayName("a second store on the same folder cannot write the same collection")
    void secondWriterIsRefused() {
        store.upsert(coll, List.of(VectorPoint.of(axis(0), Payload.builder().key("a").build())));
        try (EmbeddedVectorStore second = EmbeddedVectorStore.open(root)) {
            assertThatThrownBy(() -> second.count(coll)).hasMessageContaining("open collection " + coll);
        }
    }

    @Test
    @DisplayName("bad options are refused with the setting's name")
    void badOptions() {
        assertThatThrownBy(() -> EmbeddedStoreOptions.defaults(root).withCandidates(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidates");
        assertThatThrownBy(() -> EmbeddedStoreOptions.defaults(root).withGraph(1, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConn");
    }
}

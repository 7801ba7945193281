package io.noetl.sink.vector.qdrant;

import io.noetl.sink.vector.VectorStoreContract;
import io.noetl.sink.vector.VectorStores;
import io.noetl.stores.vector.VectorStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The vector store contract against a real Qdrant, when {@code QDRANT_URL} names one (gRPC port, e.g.
 * {@code http://127.0.0.1:6334}; {@code QDRANT_API_KEY} when it needs one). Skipped otherwise.
 */
class QdrantVectorStoreIT extends VectorStoreContract {

    @BeforeAll
    static void needsQdrant() {
        Assumptions.assumeTrue(System.getenv(VectorStores.QDRANT_URL) != null,
                "QDRANT_URL is not set: no real Qdrant to test against");
    }

    @Override
    protected VectorStore openStore() {
        return QdrantVectorStore.connect(VectorStores.qdrantOptions(System.getenv()));
    }

    @Override
    protected VectorStore reopen(VectorStore old) {
        old.close();
        return openStore();
    }
}

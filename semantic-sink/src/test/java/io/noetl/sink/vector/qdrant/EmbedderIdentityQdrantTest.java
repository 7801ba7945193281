package io.noetl.sink.vector.qdrant;

import io.noetl.sink.index.EmbedderIdentityContract;
import io.noetl.stores.vector.VectorStore;
import org.junit.jupiter.api.AfterEach;

/** The embedder identity rules through the real Qdrant client, against the in-process Qdrant-protocol server. */
class EmbedderIdentityQdrantTest extends EmbedderIdentityContract {

    private InProcessQdrantServer server;

    @Override
    protected VectorStore openStore() {
        server = InProcessQdrantServer.startNew();
        return QdrantVectorStore.onChannel(server.channel(), QdrantVectorStoreTest.options());
    }

    @Override
    protected VectorStore reopen(VectorStore old) {
        old.close();
        return QdrantVectorStore.onChannel(server.channel(), QdrantVectorStoreTest.options());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}

package io.noetl.sink.index;

import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.stores.vector.VectorStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The embedder identity rules on the embedded store (a data dir on disk). */
class EmbedderIdentityEmbeddedTest extends EmbedderIdentityContract {

    @TempDir
    Path dir;

    @Override
    protected VectorStore openStore() {
        return EmbeddedVectorStore.open(dir.resolve("vectors"));
    }

    @Override
    protected VectorStore reopen(VectorStore old) {
        old.close();
        return openStore();
    }
}

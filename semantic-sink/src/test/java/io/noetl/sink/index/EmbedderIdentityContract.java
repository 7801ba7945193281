package io.noetl.sink.index;

import static io.noetl.sink.index.StreamFixtures.error;
import static io.noetl.sink.index.StreamFixtures.record;
import static io.noetl.sink.index.StreamFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.schemas.Names;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.embed.HashingEmbedder;
import io.noetl.sink.embed.MiniLmEmbedder;
import io.noetl.sink.embed.TextNormalizer;
import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.VectorStore;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One embedder per version of the vector index, on a real store: the hashing embedder and MiniLM both give 384
 * dimensions, so only the recorded embedder id tells their versions apart. A store's test extends this class.
 */
public abstract class EmbedderIdentityContract {

    protected static final Names NAMES = new Names("ei_");

    private static MiniLmEmbedder minilm;

    protected VectorStore store;

    /** @return a new, empty store for one test */
    protected abstract VectorStore openStore() throws Exception;

    /** @return the store reopened on the same data (a restart) */
    protected abstract VectorStore reopen(VectorStore store) throws Exception;

    @BeforeAll
    static void loadModel() {
        minilm = MiniLmEmbedder.open(null);
    }

    @AfterAll
    static void closeModel() {
        minilm.close();
    }

    @BeforeEach
    void open() throws Exception {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private VectorIndex hashing() {
        return new VectorIndex(store, new Embeddings(new HashingEmbedder(), new TextNormalizer(), 100), NAMES);
    }

    private VectorIndex minilm() {
        return new VectorIndex(store, new Embeddings(minilm, new TextNormalizer(), 100), NAMES);
    }

    private static List<ConsumerRecord<byte[], byte[]>> failureAndTrace(String id) {
        return List.of(record(NAMES.eventsTopic(), error("ev-" + id, "ex-" + id, "load", "connection refused")),
                record(NAMES.tracesTopic(), trace("ex-" + id, "FAILED", 3, "extract", "load")));
    }

    /** Makes version 1 as a build from before embedder ids were recorded: 384-d collections, no marker. */
    private void oldVersionWithoutMarker(int dimension) {
        for (String base : VectorIndex.BASES) {
            store.createCollection(Collections.versioned(base, 1), dimension);
        }
        store.switchAliases(Map.of(Collections.FAILURES, "noetl_failures_v1", Collections.EXECUTIONS,
                "noetl_executions_v1", Collections.PLAYBOOKS, "noetl_playbooks_v1"));
        store.commit();
    }

    @Test
    @DisplayName("a new version records the embedder that creates it, and that embedder writes and reads it freely")
    void newVersionRecordsItsEmbedder() {
        VectorIndex index = minilm();
        index.createVersion(1);
        index.switchTo(1);

        assertThat(new EmbedderMarks(store).of("noetl_failures_v1"))
                .contains(new EmbedderMarks.Mark("minilm-l6-v2-q-384", false));
        assertThat(index.embedderMismatch()).isEmpty();
        assertThat(index.writeRefusal(1)).isEmpty();
        assertThat(index.write(1, failureAndTrace("a"))).isEmpty();
        assertThat(index.count(Collections.FAILURES, 1)).isEqualTo(1);
        assertThat(index.queries().embed(EmbeddingInput.of("connection refused"))).hasSize(384);
        assertThat(index.versions()).as("the marker collection is no version").containsExactly(1);
    }

    @Test
    @DisplayName("a sink with another embedder of the same dimension refuses every point of the version, naming both"
            + " embedders and the replay, and writes none")
    void sameDimensionOtherEmbedderRefusesWrites() {
        VectorIndex before = hashing();
        before.createVersion(1);
        before.switchTo(1);
        before.write(1, failureAndTrace("a"));

        VectorIndex after = minilm();
        List<RejectedRecord> rejected = after.write(1, failureAndTrace("b"));

        assertThat(rejected).hasSize(2).allSatisfy(r -> assertThat(r.reason())
                .contains("built with embedder hashing-v1-384").contains("embeds with minilm-l6-v2-q-384")
                .contains("./noetl replay --target vectors"));
        assertThat(after.count(1)).as("nothing of the other embedder was written").isEqualTo(before.count(1));
        assertThat(after.embedderMismatch()).hasValueSatisfying(m -> assertThat(m)
                .contains("hashing-v1-384").contains("minilm-l6-v2-q-384").contains("./noetl replay --target vectors")
                .doesNotContain("assumed"));
        assertThat(after.writeRefusal(1)).isEqualTo(after.embedderMismatch());
    }

    @Test
    @DisplayName("a reader embedding queries with another embedder is refused until a version of its own is current,"
            + " whether it holds the sink's index or only the store")
    void readerWithOtherEmbedderIsRefused() {
        VectorIndex before = hashing();
        before.createVersion(1);
        before.switchTo(1);
        VectorIndex after = minilm();
        Embeddings minilmEmbeddings = after.embeddings();
        EmbeddingInput query = EmbeddingInput.of("could not connect to postgres");

        assertThatThrownBy(() -> after.queries().embed(query)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hashing-v1-384").hasMessageContaining("minilm-l6-v2-q-384")
                .hasMessageContaining("./noetl replay --target vectors");
        assertThatThrownBy(() -> IndexQueries.of(store, minilmEmbeddings).embed(query))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hashing-v1-384");
        assertThat(before.queries().embed(query)).hasSize(384);

        after.createVersion(2);
        after.switchTo(2);

        assertThat(after.queries().embed(query)).containsExactly(minilmEmbeddings.embed(query));
        assertThat(IndexQueries.of(store, minilmEmbeddings).mismatch()).isEmpty();
        assertThat(hashing().queries().mismatch()).hasValueSatisfying(m -> assertThat(m)
                .contains("version 2 was built with embedder minilm-l6-v2-q-384")
                .contains("embeds with hashing-v1-384"));
    }

    @Test
    @DisplayName("creating a version that exists with another embedder fails and leaves its record as it was")
    void createVersionRefusesAnotherEmbeddersVersion() {
        hashing().createVersion(1);

        assertThatThrownBy(() -> minilm().createVersion(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("create vector index version 1").hasMessageContaining("hashing-v1-384");
        assertThat(new EmbedderMarks(store).of("noetl_failures_v1"))
                .contains(new EmbedderMarks.Mark("hashing-v1-384", false));
        hashing().createVersion(1);
    }

    @Test
    @DisplayName("a dropped version forgets its embedder, so the number can be used again by another one")
    void droppedVersionForgetsItsEmbedder() {
        VectorIndex index = hashing();
        index.createVersion(1);
        index.createVersion(2);
        index.switchTo(2);
        index.dropVersion(1);

        assertThat(new EmbedderMarks(store).of("noetl_failures_v1")).isEmpty();
        VectorIndex other = minilm();
        other.createVersion(1);
        assertThat(other.writeRefusal(1)).isEmpty();
        assertThat(other.writeRefusal(2)).isPresent();
    }

    @Test
    @DisplayName("an old data dir (384-d version, no recorded id) counts as hashing-v1-384: the hashing embedder keeps"
            + " writing it, the new default is refused with the same clear message, after a restart too")
    void oldVersionCountsAsHashing() throws Exception {
        oldVersionWithoutMarker(384);
        store = reopen(store);

        VectorIndex old = hashing();
        assertThat(old.embedderMismatch()).isEmpty();
        assertThat(old.write(1, failureAndTrace("a"))).isEmpty();

        VectorIndex now = minilm();
        assertThat(now.embedderMismatch()).hasValueSatisfying(m -> assertThat(m)
                .contains("version 1 was built with embedder hashing-v1-384 (assumed")
                .contains("embeds with minilm-l6-v2-q-384").contains("./noetl replay --target vectors"));
        assertThat(now.write(1, failureAndTrace("b"))).hasSize(2)
                .allSatisfy(r -> assertThat(r.reason()).contains("hashing-v1-384"));
        assertThatThrownBy(() -> now.queries().embed(EmbeddingInput.of("x")))
                .hasMessageContaining("hashing-v1-384");
        assertThat(now.count(Collections.FAILURES, 1)).isEqualTo(1);
    }

    @Test
    @DisplayName("an old version of another dimension and no recorded id is checked by its dimension only")
    void oldVersionOfOtherDimensionIsCheckedByDimension() {
        oldVersionWithoutMarker(64);

        VectorIndex same = new VectorIndex(store, new Embeddings(new HashingEmbedder(64), new TextNormalizer(), 10),
                NAMES);
        assertThat(same.embedderMismatch()).isEmpty();
        assertThat(same.write(1, failureAndTrace("a"))).isEmpty();

        assertThat(minilm().embedderMismatch()).hasValueSatisfying(m -> assertThat(m)
                .contains("version 1 holds 64-dimensional vectors").contains("minilm-l6-v2-q-384 gives 384")
                .contains("./noetl replay --target vectors"));
    }
}

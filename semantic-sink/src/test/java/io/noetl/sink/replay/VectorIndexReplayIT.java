package io.noetl.sink.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Names;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.embed.HashingEmbedder;
import io.noetl.sink.embed.MiniLmEmbedder;
import io.noetl.sink.embed.TextNormalizer;
import io.noetl.sink.index.EmbedderMarks;
import io.noetl.sink.index.VectorIndex;
import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.testkit.KafkaTestBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays of the product's vector index (every collection of a version) against a real broker. */
class VectorIndexReplayIT {

    private static final int FAILURES = 40;

    @TempDir
    Path dir;

    @Test
    @DisplayName("after the embedder changes from 384 to 256 dimensions, a replay gives a version whose every"
            + " collection has 256 dimensions and every failure point")
    void embedderChangeGivesConsistentVersion() throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        Names names = FailureTopics.create(broker.bootstrapServers(), FAILURES);
        ReplaySettings settings = ReplaySettings.defaults(broker.bootstrapServers(), names.prefix())
                .withLiveBatchTime(Duration.ZERO);

        try (EmbeddedVectorStore store = EmbeddedVectorStore.open(dir.resolve("vectors"))) {
            VectorIndex v384 = new VectorIndex(store, embeddings(384), names);
            ReplayProgress first = new ReplayJob("vectors", List.of(v384), settings, Clock.systemUTC()).run();
            assertThat(first.state()).as("error: %s", first.error()).isEqualTo(ReplayState.COMPLETED);
            assertThat(store.dimension(Collections.FAILURES)).isEqualTo(384);

            VectorIndex v256 = new VectorIndex(store, embeddings(256), names);
            ReplayProgress second = new ReplayJob("vectors", List.of(v256), settings, Clock.systemUTC()).run();

            assertThat(second.state()).as("error: %s", second.error()).isEqualTo(ReplayState.COMPLETED);
            assertThat(second.fromVersion()).isEqualTo(1);
            assertThat(second.toVersion()).isEqualTo(2);
            assertThat(v256.currentVersion()).isEqualTo(2);
            assertThat(v256.versions()).containsExactly(2);
            for (String base : VectorIndex.BASES) {
                assertThat(store.dimension(base)).as(base).isEqualTo(256);
                assertThat(store.aliasTarget(base)).contains(Collections.versioned(base, 2));
            }
            assertThat(v256.count(Collections.FAILURES, 2)).isEqualTo(FAILURES);
            assertThat(store.collections()).noneMatch(c -> c.endsWith("_v1"));
        }
    }

    @Test
    @DisplayName("after the embedder changes from hashing to MiniLM (both 384-d), a --since repair is refused naming"
            + " both, and a full replay gives a version recorded as MiniLM whose failure points are MiniLM vectors")
    void sameDimensionEmbedderChangeNeedsFullReplay() throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        Names names = FailureTopics.create(broker.bootstrapServers(), FAILURES);
        ReplaySettings settings = ReplaySettings.defaults(broker.bootstrapServers(), names.prefix())
                .withLiveBatchTime(Duration.ZERO);

        try (EmbeddedVectorStore store = EmbeddedVectorStore.open(dir.resolve("vectors"));
                MiniLmEmbedder minilm = MiniLmEmbedder.open(null)) {
            VectorIndex hashing = new VectorIndex(store, embeddings(384), names);
            assertThat(new ReplayJob("vectors", List.of(hashing), settings, Clock.systemUTC()).run().state())
                    .isEqualTo(ReplayState.COMPLETED);
            VectorIndex after = new VectorIndex(store, new Embeddings(minilm, new TextNormalizer(), 100), names);

            ReplayProgress repair = new ReplayJob("vectors", List.of(after),
                    settings.withSince(Instant.now().minusSeconds(3600)), Clock.systemUTC()).run();
            assertThat(repair.state()).isEqualTo(ReplayState.FAILED);
            assertThat(repair.error()).contains("hashing-v1-384").contains("minilm-l6-v2-q-384")
                    .contains("./noetl replay --target vectors");
            assertThat(after.currentVersion()).isEqualTo(1);

            ReplayProgress full = new ReplayJob("vectors", List.of(after), settings, Clock.systemUTC()).run();

            assertThat(full.state()).as("error: %s", full.error()).isEqualTo(ReplayState.COMPLETED);
            assertThat(full.toVersion()).isEqualTo(2);
            assertThat(after.embedderMismatch()).isEmpty();
            assertThat(hashing.embedderMismatch()).isPresent();
            assertThat(new EmbedderMarks(store).of("noetl_failures_v2").orElseThrow().embedderId())
                    .isEqualTo("minilm-l6-v2-q-384");
            assertThat(after.count(Collections.FAILURES, 2)).isEqualTo(FAILURES);
            float[] query = after.queries().embed(EmbeddingInput.of("could not connect to the database 7"));
            SearchHit hit = store.search(Collections.FAILURES, SearchRequest.of(query, 1)).getFirst();
            float[] stored = store.get(Collections.FAILURES, hit.id()).orElseThrow().vector();
            float[] expected = after.embeddings().embed(EmbeddingInput.of(hit.payload().text()));
            assertThat(dot(stored, expected)).isGreaterThan(0.99999);
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static Embeddings embeddings(int dimension) {
        return new Embeddings(new HashingEmbedder(dimension), new TextNormalizer(), 100);
    }
}

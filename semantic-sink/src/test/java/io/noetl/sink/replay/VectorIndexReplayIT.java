package io.noetl.sink.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Names;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.embed.HashingEmbedder;
import io.noetl.sink.embed.TextNormalizer;
import io.noetl.sink.index.VectorIndex;
import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.stores.vector.Collections;
import io.noetl.testkit.KafkaTestBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

    private static Embeddings embeddings(int dimension) {
        return new Embeddings(new HashingEmbedder(dimension), new TextNormalizer(), 100);
    }
}

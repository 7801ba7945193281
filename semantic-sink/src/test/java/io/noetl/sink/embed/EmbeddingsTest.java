package io.noetl.sink.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.stores.embed.Embedder;
import io.noetl.stores.embed.EmbeddingInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmbeddingsTest {

    /** Counts what reaches the model. */
    private static final class CountingEmbedder implements Embedder {
        final HashingEmbedder inner = new HashingEmbedder(32);
        final List<List<String>> batches = new ArrayList<>();

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public int dimension() {
            return 32;
        }

        @Override
        public float[] embed(String text) {
            return embedAll(List.of(text)).getFirst();
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            batches.add(texts);
            return texts.stream().map(inner::embed).toList();
        }
    }

    private final CountingEmbedder model = new CountingEmbedder();
    private final Embeddings embeddings = new Embeddings(model, new TextNormalizer(), 100);

    @Test
    @DisplayName("a flood of one error (same template, other values) is embedded once")
    void floodEmbeddedOnce() {
        for (int i = 0; i < 50; i++) {
            embeddings.embed(EmbeddingInput.failure("tpl-1", null, "timeout after " + i + " ms on host-" + i,
                    "fetch", "http", "timeout"));
        }

        assertThat(model.batches).hasSize(1);
        assertThat(embeddings.cacheMisses()).isEqualTo(1);
        assertThat(embeddings.cacheHits()).isEqualTo(49);
    }

    @Test
    @DisplayName("the cache key is template id plus text: the same text under another template is embedded again")
    void keyIncludesTemplateId() {
        embeddings.embed(new EmbeddingInput("tpl-1", "disk full"));
        embeddings.embed(new EmbeddingInput("tpl-2", "disk full"));
        embeddings.embed(new EmbeddingInput("tpl-1", "disk full"));

        assertThat(embeddings.cacheMisses()).isEqualTo(2);
        assertThat(embeddings.cacheHits()).isEqualTo(1);
    }

    @Test
    @DisplayName("a batch sends only its distinct misses to the model, in one call, and answers in input order")
    void batchEmbedding() {
        embeddings.embed(EmbeddingInput.of("seen before"));
        List<EmbeddingInput> batch = List.of(EmbeddingInput.of("alpha 1"), EmbeddingInput.of("seen before"),
                EmbeddingInput.of("alpha 2"), EmbeddingInput.of("beta"));

        List<float[]> vectors = embeddings.embedAll(batch);

        assertThat(model.batches).hasSize(2);
        assertThat(model.batches.getLast()).containsExactly("alpha <*>", "beta");
        assertThat(vectors).hasSize(4);
        assertThat(vectors.get(0)).containsExactly(vectors.get(2));
        assertThat(vectors.get(1)).containsExactly(model.inner.embed("seen before"));
        assertThat(vectors.get(3)).containsExactly(model.inner.embed("beta"));
    }

    @Test
    @DisplayName("returned vectors are copies: changing one does not change the cache")
    void returnsCopies() {
        float[] first = embeddings.embed(EmbeddingInput.of("x"));
        first[0] = 42;
        assertThat(embeddings.embed(EmbeddingInput.of("x"))[0]).isNotEqualTo(42);
    }

    @Test
    @DisplayName("the cache is bounded: the least recently used entry is evicted")
    void bounded() {
        Embeddings small = new Embeddings(model, new TextNormalizer(), 2);
        small.embed(EmbeddingInput.of("a"));
        small.embed(EmbeddingInput.of("b"));
        small.embed(EmbeddingInput.of("c"));
        small.embed(EmbeddingInput.of("a"));

        assertThat(small.cacheMisses()).isEqualTo(4);
        assertThatThrownBy(() -> new Embeddings(model, new TextNormalizer(), -1)).hasMessageContaining("cacheSize");
        assertThatThrownBy(() -> new EmbeddingInput("t", null)).hasMessageContaining("text");
    }

    @Test
    @DisplayName("defaults are the hashing embedder at dimension 384")
    void defaults() {
        Embeddings d = Embeddings.defaults();
        assertThat(d.dimension()).isEqualTo(384);
        assertThat(d.embedderId()).isEqualTo("hashing-v1-384");
        assertThat(d.embed(EmbeddingInput.of("anything"))).hasSize(384);
    }
}

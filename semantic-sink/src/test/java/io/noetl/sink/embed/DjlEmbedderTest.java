package io.noetl.sink.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.stores.embed.EmbeddingInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlEmbedderTest {

    private static DjlEmbedder embedder;
    private static JsonNode reference;

    @BeforeAll
    static void loadShippedModel() throws IOException {
        embedder = DjlEmbedder.open(TinyEncoder.directory(), null);
        reference = Json.tree(Files.readAllBytes(TinyEncoder.directory().resolve("reference.json")));
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    @Test
    @DisplayName("the id names the model directory and the dimension the model gives")
    void idAndDimensionComeFromTheModel() {
        assertThat(embedder.dimension()).isEqualTo(TinyEncoder.DIMENSION);
        assertThat(embedder.id()).isEqualTo("djl-v2-tiny-encoder-48");
    }

    @Test
    @DisplayName("vectors are finite, of the declared dimension and of unit length")
    void vectorsAreFiniteUnitVectors() {
        for (String text : List.of("connection refused by <*>", "a much longer text about a worker that ran out of "
                + "memory while reading rows from the database and was killed", "zzzz qqqq")) {
            float[] v = embedder.embed(text);
            assertThat(v).hasSize(TinyEncoder.DIMENSION);
            double norm = 0;
            for (float x : v) {
                assertThat(Float.isFinite(x)).isTrue();
                norm += x * x;
            }
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    @DisplayName("the same text gives the same vector; different texts differ")
    void sameTextSameVector() {
        float[] a = embedder.embed("permission denied: <*>");
        assertThat(embedder.embed("permission denied: <*>")).containsExactly(a);
        assertThat(embedder.embed("deadlock detected")).isNotEqualTo(a);
    }

    @Test
    @DisplayName("embedAll over several batches of texts of different lengths equals embedding one by one")
    void batchEqualsOneByOne() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 34; i++) {
            texts.add(i % 3 == 0 ? "timeout" : "step " + i + " failed: connection reset by peer after retries".repeat(
                    1 + i % 4));
        }
        texts.add("");
        List<float[]> batch = embedder.embedAll(texts);
        assertThat(batch).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batch.get(i)).as("text %d", i).containsExactly(embedder.embed(texts.get(i)), within(1e-5f));
        }
        assertThat(embedder.embedAll(List.of())).isEmpty();
    }

    @Test
    @DisplayName("the Java tokenizer gives the token ids the Python reference used")
    void tokenizationMatchesReference() throws IOException {
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                TinyEncoder.directory().resolve("tokenizer.json"), Map.of("maxLength", "32"))) {
            for (JsonNode sentence : reference.get("sentences")) {
                long[] expected = new long[sentence.get("input_ids").size()];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = sentence.get("input_ids").get(i).asLong();
                }
                assertThat(tokenizer.encode(sentence.get("text").asText()).getIds())
                        .as(sentence.get("text").asText()).containsExactly(expected);
            }
        }
    }

    @Test
    @DisplayName("vectors match the ones PyTorch computed for the same sentences within 1e-4")
    void vectorsMatchPythonReference() {
        assertMatchesReference(embedder, "vector");
    }

    @Test
    @DisplayName("a model that takes token_type_ids gets them as third input when the settings say so")
    void tokenTypeIdsAsThirdInput(@TempDir Path dir) throws IOException {
        try (DjlEmbedder withTypes = DjlEmbedder.open(copyModel(dir, "token_type_ids=true\n"), null)) {
            assertMatchesReference(withTypes, "vector_with_token_type_ids");
        }
    }

    @Test
    @DisplayName("padding every batch to max_length gives the same vectors as padding to the longest text")
    void paddingToMaxLength(@TempDir Path dir) throws IOException {
        try (DjlEmbedder padded = DjlEmbedder.open(copyModel(dir, "padding=max_length\nmax_length=32\n"), null)) {
            assertMatchesReference(padded, "vector");
        }
    }

    private static void assertMatchesReference(DjlEmbedder model, String field) {
        JsonNode sentences = reference.get("sentences");
        List<String> texts = new ArrayList<>();
        sentences.forEach(s -> texts.add(s.get("text").asText()));
        List<float[]> batch = model.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            JsonNode expected = sentences.get(i).get(field);
            float[] single = model.embed(texts.get(i));
            assertThat(expected.size()).isEqualTo(TinyEncoder.DIMENSION);
            for (int d = 0; d < TinyEncoder.DIMENSION; d++) {
                float want = (float) expected.get(d).asDouble();
                assertThat(single[d]).as("'%s' component %d", texts.get(i), d).isCloseTo(want, within(1e-4f));
                assertThat(batch.get(i)[d]).as("'%s' component %d in a batch", texts.get(i), d)
                        .isCloseTo(want, within(1e-4f));
            }
        }
    }

    /** The shipped model and tokenizer in {@code dir}, with the given settings file. */
    private static Path copyModel(Path dir, String settings) throws IOException {
        Files.copy(TinyEncoder.directory().resolve("tiny-encoder.pt"), dir.resolve("tiny-encoder.pt"));
        Files.copy(TinyEncoder.directory().resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
        Files.writeString(dir.resolve(DjlModelSettings.FILE_NAME), settings);
        return dir;
    }

    @Test
    @DisplayName("empty text gives a valid unit vector")
    void emptyTextGivesValidVector() {
        float[] v = embedder.embed("");
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertThat(v).hasSize(TinyEncoder.DIMENSION);
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    @DisplayName("callers on several threads get the same vectors as one caller")
    void threadSafe() throws Exception {
        List<String> texts = IntStream.range(0, 24).mapToObj(i -> "worker " + i + " lost connection").toList();
        List<float[]> expected = embedder.embedAll(texts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String text : texts) {
                    futures.add(pool.submit(() -> embedder.embed(text)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).containsExactly(expected.get(i % texts.size()), within(1e-5f));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("through Embeddings, the model's vectors are cached by template and normalized text")
    void worksThroughEmbeddingsCache() {
        Embeddings embeddings = new Embeddings(embedder, new TextNormalizer(), 100);
        float[] first = embeddings.embed(new EmbeddingInput("t1", "connection refused by 10.0.0.7:5432"));
        float[] second = embeddings.embed(new EmbeddingInput("t1", "connection refused by 10.0.0.9:5432"));
        assertThat(second).containsExactly(first);
        assertThat(embeddings.cacheHits()).isEqualTo(1);
        assertThat(embeddings.cacheMisses()).isEqualTo(1);
        assertThat(embeddings.dimension()).isEqualTo(TinyEncoder.DIMENSION);
        assertThat(embeddings.embedderId()).isEqualTo("djl-v2-tiny-encoder-48");
        assertThat(first).containsExactly(
                embedder.embed(new TextNormalizer().normalize("connection refused by 10.0.0.7:5432")), within(1e-6f));
    }

    @Test
    @DisplayName("a missing model directory is a clear error")
    void missingDirectory(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-model");
        assertThatThrownBy(() -> DjlEmbedder.open(missing, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    @DisplayName("a model directory without tokenizer.json is a clear error")
    void missingTokenizer(@TempDir Path dir) throws IOException {
        Files.copy(TinyEncoder.directory().resolve("tiny-encoder.pt"), dir.resolve("tiny-encoder.pt"));
        assertThatThrownBy(() -> DjlEmbedder.open(dir, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no tokenizer.json");
    }

    @Test
    @DisplayName("a model directory without a .pt model is a clear error")
    void missingModelFile(@TempDir Path dir) throws IOException {
        Files.copy(TinyEncoder.directory().resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
        assertThatThrownBy(() -> DjlEmbedder.open(dir, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one TorchScript model (*.pt), found []");
    }

    @Test
    @DisplayName("a dimension in the settings that the model does not give is a clear error")
    void declaredDimensionMismatch(@TempDir Path dir) throws IOException {
        copyModel(dir, "dimension=384\n");
        assertThatThrownBy(() -> DjlEmbedder.open(dir, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declares dimension 384 but the model gives vectors of 48");
    }

    @Test
    @DisplayName("a model URL while DJL is offline fails saying so")
    void urlWhileOffline() {
        assertThatThrownBy(() -> DjlEmbedder.open(
                "djl://ai.djl.huggingface.pytorch/sentence-transformers/all-MiniLM-L6-v2", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("offline")
                .hasMessageContaining("local directory");
        assertThatThrownBy(() -> DjlEmbedder.open("https://example.com/models/minilm.zip", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("offline");
    }

    @Test
    @DisplayName("a closed embedder refuses to embed")
    void closedEmbedderRefuses() {
        DjlEmbedder other = DjlEmbedder.open(TinyEncoder.directory().toString(), null);
        other.embed("x");
        other.close();
        assertThatThrownBy(() -> other.embed("x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
    }
}

package io.noetl.sink.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bundled all-MiniLM-L6-v2 model, run for real (the jar carries the weights; nothing is downloaded). */
class MiniLmEmbedderTest {

    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.open(null);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    @Test
    @DisplayName("vectors have 384 components, unit length, and the id names the model and the dimension")
    void unitVectorsOf384() {
        assertThat(embedder.id()).isEqualTo("minilm-l6-v2-q-384");
        assertThat(embedder.dimension()).isEqualTo(384);
        for (String text : List.of("connection refused", "KeyError: 'amount' in step <*>", "x", "", "   ")) {
            float[] v = embedder.embed(text);
            assertThat(v).as(text).hasSize(384);
            assertThat(dot(v, v)).as(text).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    @DisplayName("the same text always gives the same vector, also from another embedder instance")
    void identicalInputIdenticalOutput() {
        String text = "could not connect to postgres at db port <*> | load_orders | postgres | connection";
        float[] first = embedder.embed(text);
        assertThat(embedder.embed(text)).containsExactly(first);
        try (MiniLmEmbedder other = MiniLmEmbedder.open(null)) {
            assertThat(other.embed(text)).containsExactly(first);
        }
    }

    @Test
    @DisplayName("two wordings of one failure are closer to each other than to an unrelated failure")
    void paraphrasesAreCloserThanUnrelatedTexts() {
        float[] refused = embedder.embed("connection refused to db:5432");
        float[] couldNot = embedder.embed("could not connect to postgres at db port 5432");
        float[] keyError = embedder.embed("KeyError: 'amount'");

        double paraphrase = dot(refused, couldNot);
        assertThat(paraphrase).isGreaterThan(dot(refused, keyError) + 0.2);
        assertThat(paraphrase).isGreaterThan(dot(couldNot, keyError) + 0.2);
    }

    @Test
    @DisplayName("a batch gives the vectors of the texts embedded one by one, in order")
    void batchEqualsSingles() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add(i % 3 == 0 ? "timeout after <*> seconds calling service " + i
                    : i % 3 == 1 ? "permission denied on table orders_" + i : "");
        }
        List<float[]> batch = embedder.embedAll(texts);

        assertThat(batch).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] single = embedder.embed(texts.get(i));
            for (int d = 0; d < single.length; d++) {
                assertThat(batch.get(i)[d]).as("text %d component %d", i, d).isCloseTo(single[d], within(1e-6f));
            }
        }
        assertThat(embedder.embedAll(List.of())).isEmpty();
    }

    @Test
    @DisplayName("concurrent callers get the same vectors as a lone caller")
    void threadSafe() throws Exception {
        String text = "disk quota exceeded on volume <*>";
        float[] expected = embedder.embed(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<float[]>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> embedder.embedAll(List.of(text, "other text", text)).get(2));
            }
            for (Future<float[]> f : pool.invokeAll(calls)) {
                assertThat(f.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("the model loads once per process: a second embedder shares it, and closing one leaves the other"
            + " working")
    void modelIsSharedAndClosedWithTheLastEmbedder() {
        MiniLmEmbedder second = MiniLmEmbedder.open(null);
        assertThat(second.loadMillis()).isEqualTo(embedder.loadMillis());
        second.close();
        second.close();

        assertThat(embedder.embed("still open")).hasSize(384);
        assertThatThrownBy(() -> second.embed("closed")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("minilm-l6-v2-q-384 is closed");
        assertThatThrownBy(() -> embedder.embedAll(java.util.Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }
}

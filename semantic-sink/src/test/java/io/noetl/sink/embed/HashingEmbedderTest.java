package io.noetl.sink.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HashingEmbedderTest {

    private final HashingEmbedder embedder = new HashingEmbedder();
    private final TextNormalizer normalizer = new TextNormalizer();

    private float[] embed(String raw) {
        return embedder.embed(normalizer.normalize(raw));
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    @Test
    @DisplayName("the same text gives the same vector, in this and in a new embedder")
    void deterministic() {
        String text = "connection refused by <*> while calling the orders service";
        assertThat(embedder.embed(text)).containsExactly(new HashingEmbedder().embed(text));
        assertThat(embedder.id()).isEqualTo("hashing-v1-384");
    }

    @Test
    @DisplayName("every vector has the configured dimension and unit L2 norm, empty text included")
    void unitNorm() {
        for (String text : List.of("", "x", "a b c", "duplicate key value violates unique constraint <*>")) {
            float[] v = embedder.embed(text);
            assertThat(v).hasSize(384);
            assertThat(dot(v, v)).as(text).isCloseTo(1.0, within(1e-5));
        }
        assertThat(new HashingEmbedder(64).embed("abc")).hasSize(64);
    }

    @Test
    @DisplayName("the same error with other values is closer than a different error")
    void similarCloserThanDissimilar() {
        float[] a = embed("Connection to 10.1.2.3:5432 refused after 3 attempts");
        float[] b = embed("Connection to 10.9.8.7:6543 refused after 5 attempts");
        float[] c = embed("Connection to db-host refused: too many clients");
        float[] d = embed("KeyError: 'customer_id' in transform step");

        assertThat(dot(a, b)).isCloseTo(1.0, within(1e-6));
        assertThat(dot(a, c)).isGreaterThan(dot(a, d) + 0.2);
        assertThat(dot(a, c)).isLessThan(0.95);
    }

    @Test
    @DisplayName("word forms share character n-grams, so related words are closer than unrelated ones")
    void wordFormsMeet() {
        assertThat(dot(embedder.embed("connection"), embedder.embed("connecting")))
                .isGreaterThan(dot(embedder.embed("connection"), embedder.embed("timeout")) + 0.1);
    }

    @Test
    @DisplayName("dimensions out of range and null text are refused")
    void badInput() {
        assertThatThrownBy(() -> new HashingEmbedder(4)).hasMessageContaining("dimension must be 8..4096, got 4");
        assertThatThrownBy(() -> embedder.embed(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

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
    @DisplayName("vectors stay exactly what they were (feature hashes are MurmurHash3 x86_32 of the UTF-16 text), so "
            + "indexes built before stay valid")
    void vectorsAreUnchanged() {
        assertThat(embedder.embed("")).containsExactly(vector("6=1.0"));
        assertThat(embedder.embed("timeout")).containsExactly(vector("60=0.19446114, 77=-0.19446114, "
                + "116=0.19446114, 135=0.19446114, 272=0.8574929, 326=0.19446114, 335=0.19446114, 348=0.19446114"));
        assertThat(embedder.embed("disk full")).containsExactly(vector("4=-0.16366343, 33=-0.16366343, "
                + "34=0.4364358, 66=-0.16366343, 80=0.16366343, 89=0.16366343, 229=-0.16366343, 250=0.16366343, "
                + "270=0.54554474, 278=0.16366343, 299=0.54554474"));
        assertThat(embedder.embed("connection refused by <*>")).containsExactly(vector("2=0.09013193, "
                + "17=-0.09013193, 40=-0.107728265, 56=-0.16626294, 61=0.107728265, 99=-0.107728265, "
                + "107=0.09013193, 125=0.47503698, 130=0.09013193, 162=0.09013193, 165=-0.09013193, "
                + "170=-0.09013193, 183=-0.09013193, 236=0.09013193, 254=0.3800296, 256=-0.3800296, "
                + "264=-0.09013193, 281=0.107728265, 336=0.16626294, 337=-0.107728265, 338=-0.3800296, "
                + "373=0.107728265, 375=0.3673087"));
    }

    /** A 384-dimensional vector from its non-zero components, {@code index=value, ...}. */
    private static float[] vector(String nonZero) {
        float[] v = new float[384];
        for (String entry : nonZero.split(", ")) {
            String[] kv = entry.split("=");
            v[Integer.parseInt(kv[0])] = Float.parseFloat(kv[1]);
        }
        return v;
    }

    @Test
    @DisplayName("dimensions out of range and null text are refused")
    void badInput() {
        assertThatThrownBy(() -> new HashingEmbedder(4)).hasMessageContaining("dimension must be 8..4096, got 4");
        assertThatThrownBy(() -> embedder.embed(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.noetl.sink.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.stores.embed.Embedder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddersTest {

    @Test
    @DisplayName("without NOETL_EMBEDDER (or blank) the MiniLM sentence embedder is used")
    void defaultIsMiniLm() {
        assertThat(Embedders.settings(Map.of())).isEqualTo(Embedders.Settings.minilm());
        assertThat(Embedders.settings(Map.of("NOETL_EMBEDDER", " "))).isEqualTo(Embedders.Settings.minilm());
        Embedder embedder = Embedders.open(Embedders.settings(Map.of()), null);
        try {
            assertThat(embedder).isInstanceOf(MiniLmEmbedder.class);
            assertThat(embedder.id()).isEqualTo("minilm-l6-v2-q-384");
            assertThat(embedder.dimension()).isEqualTo(384);
        } finally {
            Embedders.close(embedder);
        }
        Embedder named = Embedders.open(Embedders.settings(Map.of("NOETL_EMBEDDER", "MiniLM")), null);
        try {
            assertThat(named).isInstanceOf(MiniLmEmbedder.class);
        } finally {
            Embedders.close(named);
        }
    }

    @Test
    @DisplayName("NOETL_EMBEDDER=hashing gives the hashing embedder, in any case")
    void hashingOnRequest() {
        assertThat(Embedders.open(Embedders.settings(Map.of("NOETL_EMBEDDER", "hashing")), null))
                .isInstanceOf(HashingEmbedder.class);
        assertThat(Embedders.open(Embedders.settings(Map.of("NOETL_EMBEDDER", "Hashing")), null).id()).isEqualTo("hashing-v1-384");
        assertThat(Embedders.open(Embedders.Settings.hashing(), null)).isInstanceOf(HashingEmbedder.class);
    }

    @Test
    @DisplayName("an unknown NOETL_EMBEDDER is rejected naming the variable and the accepted values")
    void unknownEmbedder() {
        assertThatThrownBy(() -> Embedders.open(Embedders.settings(Map.of("NOETL_EMBEDDER", "openai")), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOETL_EMBEDDER must be minilm, hashing or djl, got 'openai'");
        assertThatThrownBy(() -> new Embedders.Settings("bert", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOETL_EMBEDDER");
    }

    @Test
    @DisplayName("djl without NOETL_EMBEDDER_MODEL is rejected naming the variable")
    void djlNeedsModel() {
        assertThatThrownBy(() -> Embedders.open(Embedders.settings(Map.of("NOETL_EMBEDDER", "djl")), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOETL_EMBEDDER_MODEL is required");
    }

    @Test
    @DisplayName("djl with a missing model directory is rejected naming the variable and the path")
    void djlMissingDirectory(@TempDir Path dir) {
        String missing = dir.resolve("absent").toString();
        assertThatThrownBy(() -> Embedders.open(Embedders.settings(Map.of("NOETL_EMBEDDER", "djl", "NOETL_EMBEDDER_MODEL", missing)),
                null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("NOETL_EMBEDDER_MODEL=" + missing)
                .hasMessageContaining("does not exist");
    }

    @Test
    @DisplayName("djl with a model URL while offline is rejected naming the variable")
    void djlUrlOffline() {
        assertThatThrownBy(() -> Embedders.open(Embedders.settings(Map.of("NOETL_EMBEDDER", "djl",
                "NOETL_EMBEDDER_MODEL", "https://example.com/minilm.zip")), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("NOETL_EMBEDDER_MODEL=https://example.com/minilm.zip")
                .hasMessageContaining("offline");
    }

    @Test
    @DisplayName("djl with a model directory loads the sentence encoder")
    void djlLoadsModel() {
        Embedder embedder = Embedders.open(Embedders.settings(Map.of("NOETL_EMBEDDER", "DJL",
                "NOETL_EMBEDDER_MODEL", TinyEncoder.directory().toString())), null);
        try {
            assertThat(embedder).isInstanceOf(DjlEmbedder.class);
            assertThat(embedder.dimension()).isEqualTo(TinyEncoder.DIMENSION);
            assertThat(embedder.embed("connection refused")).hasSize(TinyEncoder.DIMENSION);
        } finally {
            Embedders.close(embedder);
        }
    }
}

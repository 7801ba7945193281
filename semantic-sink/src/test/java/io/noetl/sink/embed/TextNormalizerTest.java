package io.noetl.sink.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    @DisplayName("numbers, ids, hex, IPs, paths, URLs, UUIDs and timestamps become placeholders")
    void masksVariables() {
        assertThat(normalizer.normalize("PacketResponder 1 for block blk_-6952295868487656571 terminating"))
                .isEqualTo("PacketResponder <*> for block blk_-<*> terminating");
        assertThat(normalizer.normalize("connect to 10.0.0.12:5432 failed after 3000ms"))
                .isEqualTo("connect to <*> failed after <*>");
        assertThat(normalizer.normalize("GET https://api.example.com/v1/items?id=7 returned 503"))
                .isEqualTo("GET <*> returned <*>");
        assertThat(normalizer.normalize("file /var/data/in/part-0001.csv not found at 2026-01-02T03:04:05Z"))
                .isEqualTo("file <*> not found at <*>");
        assertThat(normalizer.normalize("row 3f2a9c1d0b7e4f11 of request 123e4567-e89b-12d3-a456-426614174000"))
                .isEqualTo("row <*> of request <*>");
        assertThat(normalizer.normalize("pointer 0x7ffd1c2a from node-246 (HWID=1973)"))
                .isEqualTo("pointer <*> from node-<*> (HWID=<*>)");
        assertThat(normalizer.normalize("proxy.cse.cuhk.edu.hk:5070 open through proxy"))
                .isEqualTo("<*> open through proxy");
    }

    @Test
    @DisplayName("the same error with other values normalizes to the same text; words stay as they are")
    void sameErrorSameText() {
        assertThat(normalizer.normalize("Timeout after 30 s waiting for job 81723 on worker-7"))
                .isEqualTo(normalizer.normalize("Timeout after 45 s waiting for job 99 on worker-12"));
        assertThat(normalizer.normalize("NameSystem.addStoredBlock: blockMap updated"))
                .isEqualTo("NameSystem.addStoredBlock: blockMap updated");
    }

    @Test
    @DisplayName("credential-looking values are masked even if redaction upstream missed them")
    void masksSecrets() {
        assertThat(normalizer.normalize("login failed password=hunter2 user=bob"))
                .isEqualTo("login failed password=<*> user=bob");
        assertThat(normalizer.normalize("Authorization: Bearer abc.def.ghi rejected"))
                .doesNotContain("abc.def.ghi");
        assertThat(normalizer.normalize("token expired")).isEqualTo("token expired");
    }

    @Test
    @DisplayName("white space collapses, null and blank give empty text, output is bounded")
    void whitespaceAndBounds() {
        assertThat(normalizer.normalize("  a \n\t b  ")).isEqualTo("a b");
        assertThat(normalizer.normalize(null)).isEmpty();
        assertThat(normalizer.normalize("   ")).isEmpty();
        assertThat(new TextNormalizer(32).normalize("word ".repeat(100))).hasSize(32);
        assertThatThrownBy(() -> new TextNormalizer(3)).hasMessageContaining("maxChars");
    }
}

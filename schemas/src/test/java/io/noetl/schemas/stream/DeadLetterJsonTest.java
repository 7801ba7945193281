package io.noetl.schemas.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadLetterJsonTest {

    @Test
    @DisplayName("a dead letter is snake_case JSON with the original bytes in base64 and survives a round trip")
    void deadLetterCarriesOriginalBytesAsBase64() {
        byte[] original = "{\"event_id\": 42, \u00e9}".getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = new DeadLetter("malformed JSON: unexpected character", "noetl.events.raw", 3, 1234L,
                StreamFixtures.T, original, original.length);

        JsonNode json = Json.toTree(letter);

        assertThat(json.get("reason").asText()).startsWith("malformed JSON");
        assertThat(json.get("source_topic").asText()).isEqualTo("noetl.events.raw");
        assertThat(json.get("partition").asInt()).isEqualTo(3);
        assertThat(json.get("offset").asLong()).isEqualTo(1234L);
        assertThat(json.get("failed_at").asText()).isEqualTo("2025-03-01T12:34:56.789Z");
        assertThat(json.get("original_bytes").asText()).isEqualTo(Base64.getEncoder().encodeToString(original));
        assertThat(json.get("original_size").asInt()).isEqualTo(original.length);
        DeadLetter back = Json.read(Json.bytes(letter), DeadLetter.class);
        assertThat(back.originalBytes()).isEqualTo(original);
        assertThat(back.reason()).isEqualTo(letter.reason());
    }
}

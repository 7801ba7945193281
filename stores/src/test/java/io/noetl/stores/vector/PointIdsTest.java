package io.noetl.stores.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PointIdsTest {

    @Test
    @DisplayName("point ids are stable UUIDv5 of the business key")
    void uuidV5() {
        UUID id = PointIds.of("01JEVENT0000000000000000001");

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(PointIds.of("01JEVENT0000000000000000001")).isEqualTo(id);
        assertThat(PointIds.of("01JEVENT0000000000000000002")).isNotEqualTo(id);
    }

    @Test
    @DisplayName("UUIDv5 matches the RFC 9562 example (DNS namespace, www.example.com)")
    void matchesRfcVector() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(PointIds.v5(dns, "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    @DisplayName("a blank business key is refused")
    void blankKey() {
        assertThatThrownBy(() -> PointIds.of(" ")).hasMessageContaining("business key");
        assertThatThrownBy(() -> VectorPoint.of(new float[] {1}, Payload.EMPTY)).hasMessageContaining("business key");
    }
}

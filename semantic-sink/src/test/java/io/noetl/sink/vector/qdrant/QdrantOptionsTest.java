package io.noetl.sink.vector.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QdrantOptionsTest {

    @Test
    @DisplayName("http, https and bare host:port addresses parse; the port defaults to 6334")
    void parsesAddresses() {
        QdrantOptions http = QdrantOptions.fromUrl("http://qdrant:6334", null);
        assertThat(http.host()).isEqualTo("qdrant");
        assertThat(http.port()).isEqualTo(6334);
        assertThat(http.tls()).isFalse();
        assertThat(QdrantOptions.fromUrl("https://q.example.com", "k").tls()).isTrue();
        assertThat(QdrantOptions.fromUrl("https://q.example.com", "k").port()).isEqualTo(6334);
        assertThat(QdrantOptions.fromUrl("10.0.0.5:7000", null).port()).isEqualTo(7000);
        assertThat(QdrantOptions.fromUrl("localhost", " ").apiKey()).isNull();
    }

    @Test
    @DisplayName("bad addresses are refused naming the address; the API key never shows in toString")
    void refusesBadAddresses() {
        assertThatThrownBy(() -> QdrantOptions.fromUrl("grpc://qdrant:6334", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grpc://qdrant:6334");
        assertThatThrownBy(() -> QdrantOptions.fromUrl("http://qdrant:6334/collections", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
        assertThatThrownBy(() -> QdrantOptions.fromUrl("http://:6334", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no host");
        assertThatThrownBy(() -> QdrantOptions.fromUrl("qdrant:99999", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(QdrantOptions.fromUrl("qdrant", "s3cret").toString()).doesNotContain("s3cret");
    }
}

package io.noetl.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.server.ServerConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void bindsLoopbackUnlessNoetlHttpHostSaysOtherwise() {
        assertThat(ServerConfig.fromEnv(Map.of()).httpHost()).isEqualTo("127.0.0.1");
        assertThat(ServerConfig.fromEnv(Map.of("NOETL_HTTP_HOST", "0.0.0.0")).httpHost()).isEqualTo("0.0.0.0");
        assertThat(ServerConfig.fromEnv(Map.of("NOETL_HTTP_HOST", "  ")).httpHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void readsEveryVariable() {
        ServerConfig c = ServerConfig.fromEnv(Map.of("NATS_URL", "nats://n:4222", "NOETL_HTTP_PORT", "0",
                "NOETL_SERVER_ID", "s1", "NOETL_SERVER_LANES", "3", "NOETL_REAPER_INTERVAL", "2s",
                "NOETL_CLAIM_TIMEOUT", "1m", "NOETL_STREAM_PREFIX", "p_", "NOETL_PUBLIC_URL", "http://x:1/"));
        assertThat(c.natsUrl()).isEqualTo("nats://n:4222");
        assertThat(c.httpPort()).isZero();
        assertThat(c.serverId()).isEqualTo("s1");
        assertThat(c.lanes()).isEqualTo(3);
        assertThat(c.reaperInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.claimTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.names().prefix()).isEqualTo("p_");
        assertThat(c.publicUrl()).isEqualTo("http://x:1");
    }

    @Test
    void badValuesNameTheirVariable() {
        assertThatThrownBy(() -> ServerConfig.fromEnv(Map.of("NOETL_HTTP_PORT", "eighty")))
                .hasMessageContaining("NOETL_HTTP_PORT").hasMessageContaining("eighty");
        assertThatThrownBy(() -> ServerConfig.fromEnv(Map.of("NOETL_SERVER_LANES", "0")))
                .hasMessageContaining("NOETL_SERVER_LANES");
        assertThatThrownBy(() -> ServerConfig.fromEnv(Map.of("NOETL_REAPER_INTERVAL", "soon")))
                .hasMessageContaining("NOETL_REAPER_INTERVAL");
        assertThatThrownBy(() -> ServerConfig.fromEnv(Map.of("NOETL_STREAM_PREFIX", "a-b")))
                .hasMessageContaining("NOETL_STREAM_PREFIX");
    }
}

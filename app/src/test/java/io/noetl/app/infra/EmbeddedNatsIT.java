package io.noetl.app.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.embedded.LoopbackPorts;
import io.noetl.embedded.nats.NatsProbe;
import io.noetl.testkit.NatsTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedNatsIT {

    @TempDir
    Path dir;

    @Test
    void usesTheServerAtNatsUrlWhenItAnswers() {
        String url = NatsTestServer.shared().url();
        try (EmbeddedNats nats = EmbeddedNats.ensure(Map.of("NATS_URL", url, "NOETL_DATA_DIR", dir.toString()))) {
            assertThat(nats.url()).isEqualTo(url);
            assertThat(nats.owned()).isFalse();
        }
    }

    @Test
    void startsAPrivateJetStreamServerWhenNoneAnswersAndStopsItOnClose() {
        int port = LoopbackPorts.free();
        Map<String, String> env = Map.of("NATS_URL", "nats://127.0.0.1:" + port, "NOETL_DATA_DIR", dir.toString(),
                "PATH", System.getenv().getOrDefault("PATH", ""));
        EmbeddedNats nats = EmbeddedNats.ensure(env);
        try {
            assertThat(nats.owned()).isTrue();
            assertThat(nats.url()).isEqualTo("nats://127.0.0.1:" + port);
            assertThat(NatsProbe.answers(nats.url(), Duration.ofSeconds(1))).isTrue();
            assertThat(Files.isDirectory(dir.resolve("nats"))).isTrue();
        } finally {
            nats.close();
        }
        assertThat(NatsProbe.answers(nats.url(), Duration.ofMillis(300))).isFalse();
    }
}

package io.noetl.embedded.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.embedded.LoopbackPorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NatsServerIT {

    @TempDir
    Path dir;

    private final Path binary = NatsServerBinary.require(System.getenv());

    @Test
    @DisplayName("a nats-server answers on its port with its store in the folder, and a stop and a start keep both")
    void restartsOnTheSamePortAndStore() {
        int port = LoopbackPorts.free();
        try (NatsServer server = NatsServer.open(binary, port, dir.resolve("nats"))) {
            assertThat(server.url()).isEqualTo("nats://127.0.0.1:" + port);
            assertThat(NatsProbe.answers(server.url(), Duration.ofSeconds(1))).isTrue();
            assertThat(Files.isDirectory(dir.resolve("nats/jetstream"))).isTrue();
            assertThat(dir.resolve("nats/nats-server.log")).exists();

            server.stop();
            assertThat(server.isRunning()).isFalse();
            assertThat(NatsProbe.answers(server.url(), Duration.ofMillis(300))).isFalse();

            server.launch();
            assertThat(server.isRunning()).isTrue();
            assertThat(NatsProbe.answers(server.url(), Duration.ofSeconds(1))).isTrue();
        }
        assertThat(NatsProbe.answers("nats://127.0.0.1:" + port, Duration.ofMillis(300))).isFalse();
        assertThat(Files.isDirectory(dir.resolve("nats/jetstream"))).as("the store outlives the server").isTrue();
    }

    @Test
    @DisplayName("a nats-server that cannot listen fails naming its log")
    void busyPortFailsNamingTheLog() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> NatsServer.open(binary, taken.getLocalPort(), dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dir.resolve("nats-server.log").toString());
        }
    }

    @Test
    void theProbeDoesNotTakeAnotherServerForNats() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(NatsProbe.answers("nats://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(200)))
                    .isFalse();
        }
        assertThat(NatsProbe.answers("not a url", Duration.ofMillis(200))).isFalse();
    }
}

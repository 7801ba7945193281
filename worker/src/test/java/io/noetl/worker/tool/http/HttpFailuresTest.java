package io.noetl.worker.tool.http;

import static io.noetl.worker.Commands.command;
import static io.noetl.worker.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.embedded.LoopbackPorts;
import io.noetl.schemas.playbook.KeychainEntry;
import io.noetl.worker.tool.ToolOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Failures without a response, against real sockets: each names its cause and the host:port. */
class HttpFailuresTest {

    @Test
    @DisplayName("a closed port reads 'connection refused' with its host:port")
    void refusedPortNamesTheCauseAndTheHostPort() throws Exception {
        int closed = LoopbackPorts.free();
        ToolOutcome.Failed failed = get("http://127.0.0.1:" + closed + "/x");
        assertThat(failed.error().type()).isEqualTo("ConnectionError");
        assertThat(failed.error().retriable()).isTrue();
        assertThat(failed.error().message()).contains("connection refused (127.0.0.1:" + closed + ")");
    }

    @Test
    @DisplayName("a host that does not resolve reads 'DNS name not resolved' with the scheme's default port")
    void unresolvableHostNamesDnsAndTheDefaultPort() throws Exception {
        ToolOutcome.Failed failed = get("http://no-such-host.invalid/x");
        assertThat(failed.error().type()).isEqualTo("ConnectionError");
        assertThat(failed.error().message()).contains("DNS name not resolved (no-such-host.invalid:80)")
                .contains("UnresolvedAddressException").doesNotContain(":-1");
    }

    @Test
    @DisplayName("a server that closes the connection without answering reads 'connection closed before a response'")
    void closedWithoutResponseIsNamed() throws Exception {
        try (Peer peer = new Peer(Socket::close)) {
            ToolOutcome.Failed failed = get("http://127.0.0.1:" + peer.port() + "/x");
            assertThat(failed.error().type()).isEqualTo("ConnectionError");
            assertThat(failed.error().message())
                    .contains("connection closed before a response (127.0.0.1:" + peer.port() + ")");
        }
    }

    @Test
    @DisplayName("a server that resets the connection reads 'connection reset'")
    void resetIsNamed() throws Exception {
        try (Peer peer = new Peer(s -> {
            s.setSoLinger(true, 0);
            s.close();
        })) {
            ToolOutcome.Failed failed = get("http://127.0.0.1:" + peer.port() + "/x");
            assertThat(failed.error().type()).isEqualTo("ConnectionError");
            assertThat(failed.error().message()).contains("connection reset (127.0.0.1:" + peer.port() + ")");
        }
    }

    @Test
    @DisplayName("https to a server that does not speak TLS reads 'TLS handshake failed'")
    void tlsHandshakeFailureIsNamed() throws Exception {
        try (Peer peer = new Peer(s -> {
            s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
            s.close();
        })) {
            ToolOutcome.Failed failed = get("https://127.0.0.1:" + peer.port() + "/x");
            assertThat(failed.error().type()).isEqualTo("ConnectionError");
            assertThat(failed.error().message()).contains("TLS handshake failed (127.0.0.1:" + peer.port() + ")");
        }
    }

    @Test
    @DisplayName("a server that never answers reads 'read timed out' as a retriable Timeout")
    void silentServerIsAReadTimeout() throws Exception {
        try (Peer peer = new Peer(s -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("http",
                    Map.of("url", "http://127.0.0.1:" + peer.port() + "/x", "timeout", "300ms"))).outcome();
            assertThat(failed.error().type()).isEqualTo("Timeout");
            assertThat(failed.error().retriable()).isTrue();
            assertThat(failed.error().message()).contains("read timed out")
                    .contains("127.0.0.1:" + peer.port()).contains("300 ms");
        }
    }

    @Test
    @DisplayName("a keychain value in the URL of a failed call is hidden once the error is published")
    void secretsInTheUrlOfAFailureAreRedacted() throws Exception {
        int closed = LoopbackPorts.free();
        var ex = run(command("http", Map.of("url", "http://127.0.0.1:" + closed + "/x?key={{ keychain.api }}"),
                Map.of(), List.of(new KeychainEntry("api", "secret", "k3y-s3cr3t-value", null)), null));
        ToolOutcome.Failed failed = (ToolOutcome.Failed) ex.outcome();
        assertThat(ex.keychain().secrets()).contains("k3y-s3cr3t-value");
        assertThat(new io.noetl.worker.redact.Redactor(ex.keychain().secrets()).text(failed.error().message()))
                .doesNotContain("k3y-s3cr3t-value").contains("connection refused");
    }

    private static ToolOutcome.Failed get(String url) throws InterruptedException {
        return (ToolOutcome.Failed) run(command("http", Map.of("url", url))).outcome();
    }

    /** A raw TCP peer that reads the request (if any) and then does what the test says with the socket. */
    private static final class Peer implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;

        Peer(SocketAction action) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        InputStream in = s.getInputStream();
                        byte[] buf = new byte[4096];
                        s.setSoTimeout(200);
                        try {
                            in.read(buf);
                        } catch (IOException timeout) {
                            // a TLS client may wait for the server to speak first
                        }
                        action.accept(s);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            thread.interrupt();
        }
    }

    @FunctionalInterface
    private interface SocketAction {
        void accept(Socket s) throws IOException;
    }

}

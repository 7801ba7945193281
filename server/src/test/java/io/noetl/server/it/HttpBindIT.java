package io.noetl.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.noetl.testkit.NatsTestServer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpBindIT {

    @Test
    @DisplayName("by default the API answers on loopback and refuses connections to the machine's other addresses")
    void defaultBindsLoopbackOnly() throws IOException {
        Optional<InetAddress> external = externalAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
        try (TestServer server = TestServer.start(NatsTestServer.shared().url(), TestServer.uniqueNames("bind"))) {
            int port = server.role.httpPort();
            assertThat(server.http.get("/health").status()).isEqualTo(200);
            assertThatThrownBy(() -> connect(external.get(), port)).isInstanceOf(IOException.class);
        }
    }

    @Test
    @DisplayName("with NOETL_HTTP_HOST=0.0.0.0 the API answers on the machine's other addresses too")
    void configuredHostBindsEveryInterface() throws IOException {
        Optional<InetAddress> external = externalAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
        var config = TestServer.config(NatsTestServer.shared().url(), TestServer.uniqueNames("bindall"), "bind-all")
                .withHttpHost("0.0.0.0");
        try (TestServer server = TestServer.start(config)) {
            connect(external.get(), server.role.httpPort());
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    private static Optional<InetAddress> externalAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nif -> {
                    try {
                        return nif.isUp() && !nif.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }
}

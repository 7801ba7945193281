package io.noetl.embedded.nats;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Whether a NATS server answers at a URL: a TCP connection whose first bytes are the server's {@code INFO}. */
public final class NatsProbe {

    private NatsProbe() {
    }

    /** True when the first server of {@code natsUrl} (comma-separated list allowed) greets with {@code INFO}. */
    public static boolean answers(String natsUrl, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(natsUrl.split(",")[0].trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : 4222;
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            InputStream in = socket.getInputStream();
            byte[] greeting = in.readNBytes(4);
            return "INFO".equals(new String(greeting, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // refused, timed out or not NATS: treated as "does not answer"
            return false;
        }
    }
}

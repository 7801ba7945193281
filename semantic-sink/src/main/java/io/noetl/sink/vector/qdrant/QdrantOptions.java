package io.noetl.sink.vector.qdrant;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Where and how the {@link QdrantVectorStore} reaches Qdrant's gRPC port.
 *
 * @param host            server host
 * @param port            gRPC port (Qdrant's default 6334; 6333 is its REST port)
 * @param tls             whether to use TLS ({@code https://} URLs)
 * @param apiKey          API key sent with every call; null for none
 * @param timeout         deadline of each call
 * @param maxPayloadBytes largest payload accepted (checked before anything is sent)
 */
public record QdrantOptions(String host, int port, boolean tls, String apiKey, Duration timeout,
        int maxPayloadBytes) {

    /** Qdrant's gRPC port. */
    public static final int DEFAULT_PORT = 6334;
    /** Deadline of each call. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Largest payload, bytes; the same as the embedded store's. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

    public QdrantOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Qdrant host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Qdrant port must be 1..65535, got " + port);
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Qdrant call timeout must be positive, got " + timeout);
        }
        if (maxPayloadBytes < 256) {
            throw new IllegalArgumentException("maxPayloadBytes must be at least 256, got " + maxPayloadBytes);
        }
    }

    /**
     * Parses {@code http://host:6334}, {@code https://host:6334} or {@code host:6334} (port optional, default 6334).
     *
     * @param url    the gRPC address
     * @param apiKey API key, or null
     * @throws IllegalArgumentException naming the URL when it cannot be parsed
     */
    public static QdrantOptions fromUrl(String url, String apiKey) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Qdrant URL must not be blank");
        }
        String text = url.strip();
        boolean tls = false;
        if (text.contains("://")) {
            String scheme = text.substring(0, text.indexOf("://"));
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("Qdrant URL '" + url + "' must use http:// or https://, not "
                        + scheme + "://");
            }
            tls = scheme.equals("https");
        } else {
            text = "http://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Qdrant URL '" + url + "' is not a valid address: " + e.getMessage(), e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Qdrant URL '" + url + "' has no host (expected host:6334)");
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("Qdrant URL '" + url + "' must not have a path (gRPC takes host:port)");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        return new QdrantOptions(uri.getHost(), port, tls, apiKey, DEFAULT_TIMEOUT, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public QdrantOptions withTimeout(Duration v) {
        return new QdrantOptions(host, port, tls, apiKey, v, maxPayloadBytes);
    }

    public QdrantOptions withMaxPayloadBytes(int v) {
        return new QdrantOptions(host, port, tls, apiKey, timeout, v);
    }

    @Override
    public String toString() {
        return "QdrantOptions[" + (tls ? "https" : "http") + "://" + host + ":" + port + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", timeout=" + timeout + ", maxPayloadBytes=" + maxPayloadBytes
                + "]";
    }
}

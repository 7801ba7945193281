package io.noetl.insights.recommend;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dependency an error names: the host (and port) of a URL, or a {@code host:port} the message mentions. */
final class Dependencies {

    private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s\"'<>;]+");
    private static final Pattern HOST_PORT = Pattern.compile(
            "\\b((?:[a-zA-Z0-9-]+\\.)*[a-zA-Z][a-zA-Z0-9-]*|\\d{1,3}(?:\\.\\d{1,3}){3}):(\\d{2,5})\\b");

    private Dependencies() {
    }

    /** @return e.g. {@code api.example.com:443 (GET /v1/orders)} or {@code db-7:5432}, if the message names one */
    static Optional<String> named(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher url = URL.matcher(message);
        if (url.find()) {
            try {
                URI uri = URI.create(url.group());
                if (uri.getHost() != null) {
                    String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
                    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "" : " (" + uri.getPath() + ")";
                    return Optional.of(uri.getHost() + port + path);
                }
            } catch (IllegalArgumentException notAUri) {
                // fall through to host:port
            }
        }
        Matcher hp = HOST_PORT.matcher(message);
        return hp.find() ? Optional.of(hp.group()) : Optional.empty();
    }
}

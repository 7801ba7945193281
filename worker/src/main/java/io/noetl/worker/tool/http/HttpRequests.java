package io.noetl.worker.tool.http;

import io.noetl.schemas.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** Builds the JDK request from a rendered {@code http} tool configuration. */
final class HttpRequests {

    private HttpRequests() {
    }

    /** @throws IllegalArgumentException naming the bad setting */
    static HttpRequest build(Map<String, Object> config, Duration timeout) {
        Object url = config.get("url") != null ? config.get("url") : config.get("endpoint");
        if (url == null || String.valueOf(url).isBlank()) {
            throw new IllegalArgumentException("'url' (or 'endpoint') is required");
        }
        String method = String.valueOf(config.getOrDefault("method", "GET")).toUpperCase(Locale.ROOT);
        URI uri = URI.create(withParams(String.valueOf(url).trim(), config.get("params")));
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("'url' must be http(s), got " + uri.getScheme());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
        boolean hasContentType = false;
        if (config.get("headers") instanceof Map<?, ?> headers) {
            for (Map.Entry<?, ?> h : headers.entrySet()) {
                if (h.getValue() == null) {
                    continue;
                }
                String name = String.valueOf(h.getKey());
                hasContentType |= name.equalsIgnoreCase("content-type");
                b.header(name, String.valueOf(h.getValue()));
            }
        }
        Object body = config.get("body") != null ? config.get("body") : config.get("payload");
        if (body == null && config.get("data") != null && !method.equals("GET")) {
            body = config.get("data");
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body instanceof Map<?, ?> || body instanceof Collection<?>) {
            publisher = HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body));
            if (!hasContentType) {
                b.header("Content-Type", "application/json");
            }
        } else if (body != null) {
            publisher = HttpRequest.BodyPublishers.ofString(String.valueOf(body));
        }
        return b.method(method, publisher).build();
    }

    private static String withParams(String url, Object params) {
        if (!(params instanceof Map<?, ?> map) || map.isEmpty()) {
            return url;
        }
        StringBuilder sb = new StringBuilder(url).append(url.contains("?") ? '&' : '?');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Collection<?> values = e.getValue() instanceof Collection<?> c ? c : java.util.List.of(
                    e.getValue() == null ? "" : e.getValue());
            for (Object v : values) {
                if (!first) {
                    sb.append('&');
                }
                first = false;
                sb.append(encode(String.valueOf(e.getKey()))).append('=').append(encode(String.valueOf(v)));
            }
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

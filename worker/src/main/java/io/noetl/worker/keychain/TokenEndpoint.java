package io.noetl.worker.keychain;

import io.noetl.schemas.Json;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.worker.redact.Redactor;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls a token (or secret) endpoint and reads its JSON answer. A mapping {@code data} is sent form-encoded unless
 * the headers ask for JSON; an answer that is not 2xx JSON is a {@link KeychainException} that names the endpoint,
 * the status and the start of the body (redacted), classified: 401/403 and OAuth's {@code invalid_client} /
 * {@code invalid_grant} as {@code auth}, 429 and 5xx as retriable, an unreachable endpoint as a retriable
 * {@code connection} failure.
 */
public final class TokenEndpoint {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int BODY_CHARS = 300;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /**
     * The endpoint's JSON object.
     *
     * @param method  HTTP method ({@code POST} when null)
     * @param url     the endpoint
     * @param headers request headers, may be null
     * @param data    request body: a mapping (form or JSON), a string, or null
     * @param hide    values to redact from a failure's message
     */
    public Map<String, Object> call(String method, String url, Map<?, ?> headers, Object data,
                                    Collection<String> hide) throws InterruptedException {
        String verb = method == null || method.isBlank() ? "POST" : method.toUpperCase(Locale.ROOT);
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw KeychainException.config("token endpoint '" + url + "' is not a URL");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        boolean json = false;
        if (headers != null) {
            for (Map.Entry<?, ?> h : headers.entrySet()) {
                String name = String.valueOf(h.getKey());
                json |= name.equalsIgnoreCase("content-type") && String.valueOf(h.getValue()).contains("json");
                b.header(name, String.valueOf(h.getValue()));
            }
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (data instanceof Map<?, ?> m) {
            body = HttpRequest.BodyPublishers.ofString(json ? Json.string(m) : form(m));
            if (!hasContentType(headers)) {
                b.header("Content-Type", "application/x-www-form-urlencoded");
            }
        } else if (data != null) {
            body = HttpRequest.BodyPublishers.ofString(String.valueOf(data));
        }
        HttpResponse<String> response;
        try {
            response = client.send(b.method(verb, body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw KeychainException.of(verb + " " + uri + " failed: " + e, true, ErrorClass.CONNECTION);
        }
        return answer(verb, uri, response, new Redactor(hide));
    }

    private static Map<String, Object> answer(String verb, URI uri, HttpResponse<String> response, Redactor redactor) {
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.body();
        if (status < 200 || status >= 300) {
            String start = redactor.text(text.strip().replaceAll("\\s+", " "));
            start = start.length() > BODY_CHARS ? start.substring(0, BODY_CHARS) + "…" : start;
            String message = verb + " " + uri + " answered HTTP " + status + (start.isEmpty() ? "" : ": " + start);
            boolean rejected = status == 401 || status == 403 || text.contains("invalid_client")
                    || text.contains("invalid_grant") || text.contains("unauthorized_client");
            if (rejected) {
                throw KeychainException.of(message, false, status == 403 ? ErrorClass.PERMISSION : ErrorClass.AUTH);
            }
            boolean retriable = status == 429 || status >= 500;
            throw KeychainException.of(message, retriable, status == 429 ? ErrorClass.RATE_LIMITED
                    : status >= 500 ? ErrorClass.DEPENDENCY_5XX : ErrorClass.BAD_REQUEST);
        }
        try {
            Map<String, Object> map = Json.plainMap(Json.tree(text.getBytes(StandardCharsets.UTF_8)));
            return new LinkedHashMap<>(map);
        } catch (RuntimeException e) {
            throw KeychainException.of(verb + " " + uri + " answered HTTP " + status + " without a JSON object",
                    false, ErrorClass.VALIDATION);
        }
    }

    private static boolean hasContentType(Map<?, ?> headers) {
        return headers != null && headers.keySet().stream().anyMatch(k -> "content-type".equalsIgnoreCase(
                String.valueOf(k)));
    }

    private static String form(Map<?, ?> data) {
        return data.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(String.valueOf(e.getKey())) + "=" + encode(String.valueOf(e.getValue())))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

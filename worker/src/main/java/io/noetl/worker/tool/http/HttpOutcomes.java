package io.noetl.worker.tool.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.worker.redact.Redactor;
import io.noetl.worker.tool.ToolOutcome;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps a response to an outcome: 2xx succeeds; 5xx and 429 are retriable {@code HttpError}s, other statuses
 * are not; errors keep the response as their result and {@code meta.http_status}. The error message keeps what a
 * diagnosis needs: {@code HTTP <status> from <method> <url>}, the headers that tell why ({@code Retry-After},
 * {@code WWW-Authenticate}, {@code X-RateLimit-*}, {@code RateLimit-*}) and the start of the body, redacted before it
 * is cut to {@value #BODY_CHARS} characters (so a cut never leaves half a secret behind).
 */
final class HttpOutcomes {

    /** How much of an error response's body its message keeps. */
    static final int BODY_CHARS = 512;
    private static final int HEADER_CHARS = 256;

    private HttpOutcomes() {
    }

    static ToolOutcome of(HttpResponse<byte[]> response, Redactor redactor) {
        int status = response.statusCode();
        ObjectNode result = Json.object();
        result.put("status", status);
        ObjectNode headers = result.putObject("headers");
        response.headers().map().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        result.set("body", body(response));
        Map<String, Object> meta = Map.of("http_status", status);
        if (status >= 200 && status < 300) {
            return new ToolOutcome.Succeeded(result, null, meta);
        }
        boolean retriable = status >= 500 || status == 429;
        String message = "HTTP " + status + " from " + response.request().method() + " " + response.uri()
                + tellingHeaders(response.headers(), redactor) + bodyStart(response, redactor);
        return new ToolOutcome.Failed(new ErrorInfo("HttpError", message, null, retriable), result, null, meta);
    }

    /** {@code ; Name: value} for each header that tells why a call failed, in name order. */
    static String tellingHeaders(HttpHeaders headers, Redactor redactor) {
        Map<String, String> telling = new TreeMap<>();
        headers.map().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals("retry-after") || n.equals("www-authenticate") || n.startsWith("x-ratelimit-")
                    || n.startsWith("ratelimit")) {
                telling.put(canonical(name), cut(redactor.text(String.join(", ", values)), HEADER_CHARS));
            }
        });
        StringBuilder sb = new StringBuilder();
        telling.forEach((name, value) -> sb.append("; ").append(name).append(": ").append(value));
        return sb.toString();
    }

    /** {@code ; body: <start of the body>} for a textual body, empty for none or a binary one. */
    static String bodyStart(HttpResponse<byte[]> response, Redactor redactor) {
        byte[] bytes = response.body();
        if (bytes == null || bytes.length == 0 || isBinary(response.headers())) {
            return "";
        }
        int read = Math.min(bytes.length, BODY_CHARS * 8);
        String text = new String(bytes, 0, read, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return text.isEmpty() ? "" : "; body: " + cut(redactor.text(text), BODY_CHARS);
    }

    private static boolean isBinary(HttpHeaders headers) {
        String type = headers.firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        return type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/")
                || type.contains("octet-stream") || type.contains("zip") || type.contains("protobuf");
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "…";
    }

    private static String canonical(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return sb.toString();
    }

    private static JsonNode body(HttpResponse<byte[]> response) {
        byte[] bytes = response.body();
        if (bytes == null || bytes.length == 0) {
            return Json.mapper().nullNode();
        }
        String contentType = response.headers().firstValue("content-type").orElse("");
        String text = new String(bytes, StandardCharsets.UTF_8);
        String trimmed = text.strip();
        boolean looksJson = contentType.contains("json") || (!trimmed.isEmpty()
                && List.of('{', '[').contains(trimmed.charAt(0)));
        if (looksJson) {
            try {
                return Json.tree(bytes);
            } catch (IllegalArgumentException notJson) {
                // declared JSON but is not: keep the text
            }
        }
        return Json.mapper().getNodeFactory().textNode(text);
    }
}

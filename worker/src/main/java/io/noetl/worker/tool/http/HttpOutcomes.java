package io.noetl.worker.tool.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.worker.tool.ToolOutcome;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Maps a response to an outcome: 2xx succeeds; 5xx and 429 are retriable {@code HttpError}s, other statuses
 * are not; errors keep the response as their result and {@code meta.http_status}.
 */
final class HttpOutcomes {

    private HttpOutcomes() {
    }

    static ToolOutcome of(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        ObjectNode result = Json.object();
        result.put("status", status);
        ObjectNode headers = result.putObject("headers");
        response.headers().map().forEach((name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(", ", values)));
        result.set("body", body(response));
        Map<String, Object> meta = Map.of("http_status", status);
        if (status >= 200 && status < 300) {
            return new ToolOutcome.Succeeded(result, null, meta);
        }
        boolean retriable = status >= 500 || status == 429;
        String message = "HTTP " + status + " from " + response.request().method() + " " + response.uri();
        return new ToolOutcome.Failed(new ErrorInfo("HttpError", message, null, retriable), result, null, meta);
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

package io.noetl.worker.tool.nats;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.impl.Headers;
import io.noetl.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How values cross NATS: a mapping or list as JSON, any other value as its text; what comes back is JSON when it
 * parses.
 */
final class Payloads {

    private Payloads() {
    }

    static byte[] encode(Object value) {
        if (value == null) {
            return new byte[0];
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            return Json.bytes(value);
        }
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The payload as JSON when it parses as such, else as text; null for none. */
    static JsonNode decode(byte[] data) {
        if (data == null || data.length == 0) {
            return null;
        }
        String text = new String(data, StandardCharsets.UTF_8);
        String t = text.strip();
        boolean looksJson = t.startsWith("{") || t.startsWith("[") || t.startsWith("\"")
                || t.matches("-?\\d+(\\.\\d+)?|true|false|null");
        if (looksJson) {
            try {
                return Json.tree(data);
            } catch (IllegalArgumentException notJson) {
                // text that merely looks like JSON
            }
        }
        return Json.mapper().getNodeFactory().textNode(text);
    }

    static Headers headers(Object config) {
        if (!(config instanceof Map<?, ?> m) || m.isEmpty()) {
            return null;
        }
        Headers headers = new Headers();
        m.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
        return headers;
    }

    static Map<String, Object> headers(Headers headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        headers.keySet().forEach(k -> {
            List<String> values = headers.get(k);
            out.put(k, values.size() == 1 ? values.get(0) : values);
        });
        return out;
    }
}

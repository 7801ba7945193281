package io.noetl.worker.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.worker.redact.Bounds;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object result over the event limit keeps its small fields: a later step still reads {@code {{ step.count }}}
 * when the step also produced a large {@code blob}. Fields too large to keep (the biggest go first; a nested object
 * is slimmed the same way when that is enough) become {@code {truncated, size, preview}} stand-ins and are named in
 * {@code meta.truncated} as {@code result.<path>}. Anything else over the limit is left to {@link Bounds#result}.
 */
final class SlimResult {

    private static final int PREVIEW_CHARS = 256;
    private static final int MAX_DEPTH = 3;
    private static final int MAX_REPLACED = 64;

    private SlimResult() {
    }

    static JsonNode of(JsonNode result, List<String> truncated) {
        if (result == null || !result.isObject() || size(result) <= Bounds.RESULT_BYTES) {
            return result;
        }
        return slim((ObjectNode) result, Bounds.RESULT_BYTES * 3 / 4, "result", truncated, 0);
    }

    /**
     * {@code node} within {@code budget} bytes, or as close as replacing its {@value #MAX_REPLACED} largest fields
     * gets (whatever is still over the limit is then cut whole by {@link Bounds#result}).
     */
    private static ObjectNode slim(ObjectNode node, int budget, String path, List<String> truncated, int depth) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        int total = 2;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int s = size(e.getValue());
            sizes.put(e.getKey(), s);
            total += s + e.getKey().length() + 4;
        }
        List<String> largest = sizes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(MAX_REPLACED)
                .map(Map.Entry::getKey).toList();
        ObjectNode out = node.deepCopy();
        for (String field : largest) {
            if (total <= budget) {
                break;
            }
            JsonNode value = out.get(field);
            int before = sizes.get(field);
            JsonNode replacement = null;
            int room = budget - (total - before);
            if (value.isObject() && depth < MAX_DEPTH && room > 1024) {
                ObjectNode smaller = slim((ObjectNode) value, room, path + "." + field, truncated, depth + 1);
                if (size(smaller) <= room) {
                    replacement = smaller;
                }
            }
            if (replacement == null) {
                replacement = standIn(value, before);
                truncated.add(path + "." + field);
            }
            out.set(field, replacement);
            total += size(replacement) - before;
        }
        return out;
    }

    private static JsonNode standIn(JsonNode value, int size) {
        String json = value.isTextual() ? value.textValue() : Json.string(value);
        ObjectNode s = Json.object();
        s.put("truncated", true);
        s.put("size", size);
        s.put("preview", json.substring(0, Math.min(PREVIEW_CHARS, json.length())));
        return s;
    }

    private static int size(JsonNode node) {
        return Json.string(node).getBytes(StandardCharsets.UTF_8).length;
    }
}

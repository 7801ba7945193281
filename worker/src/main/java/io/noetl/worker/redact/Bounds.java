package io.noetl.worker.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Size limits of what an event carries; oversized parts are cut and named in {@code meta.truncated}. */
public final class Bounds {

    public static final int RESULT_BYTES = 64 * 1024;
    public static final int PREVIEW_CHARS = 2 * 1024;
    public static final int LOGS_CHARS = 16 * 1024;
    public static final int STACK_CHARS = 8 * 1024;
    public static final int MESSAGE_CHARS = 4 * 1024;

    private Bounds() {
    }

    /** The result, or a {@code {truncated, size, preview}} stand-in when its JSON exceeds 64 KiB. */
    public static JsonNode result(JsonNode result, List<String> truncated) {
        if (result == null) {
            return null;
        }
        String json = Json.string(result);
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size <= RESULT_BYTES) {
            return result;
        }
        truncated.add("result");
        ObjectNode out = Json.object();
        out.put("truncated", true);
        out.put("size", size);
        out.put("preview", json.substring(0, Math.min(PREVIEW_CHARS, json.length())));
        return out;
    }

    /** The last 16 KiB of the logs. */
    public static String logs(String logs, List<String> truncated) {
        if (logs == null || logs.length() <= LOGS_CHARS) {
            return logs;
        }
        truncated.add("logs");
        return tail(logs, LOGS_CHARS);
    }

    /** The last 8 KiB of a stack trace (where the cause is). */
    public static String stack(String stack) {
        return stack == null || stack.length() <= STACK_CHARS ? stack : tail(stack, STACK_CHARS);
    }

    /** The first 4 KiB of an error message. */
    public static String message(String message) {
        return message == null || message.length() <= MESSAGE_CHARS ? message
                : message.substring(0, MESSAGE_CHARS) + "…";
    }

    /** The last {@code max} characters, marked as cut. */
    public static String tail(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return "…" + s.substring(s.length() - max + 1);
    }
}

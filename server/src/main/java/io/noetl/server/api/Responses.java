package io.noetl.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.noetl.schemas.Json;
import java.util.List;
import java.util.Map;

/** Writes JSON bodies with the project's serde ({@link Json}), never Javalin's mapper. */
final class Responses {

    private Responses() {
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.bytes(body));
    }

    /** A list page {@code {"items": [...], "next": cursor|null}} (null kept: the serde omits nulls elsewhere). */
    static void page(Context ctx, List<?> items, String next) {
        ObjectNode body = Json.object();
        body.set("items", Json.toTree(items));
        if (next == null) {
            body.putNull("next");
        } else {
            body.put("next", next);
        }
        json(ctx, 200, body);
    }

    static Map<String, Object> error(String code, String message, List<?> details) {
        return Map.of("error", Map.of("code", code, "message", message == null ? "" : message, "details", details));
    }
}

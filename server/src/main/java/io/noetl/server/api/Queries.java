package io.noetl.server.api;

import java.util.List;
import java.util.Map;

/** Query-string values shared by the routes, each refused with a 400 that names the parameter. */
final class Queries {

    private Queries() {
    }

    /** A page size: {@code fallback} when absent, else 1..{@code max}. */
    static int limit(String raw, int fallback, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below with the accepted range
        }
        throw ApiException.badRequest("invalid_request", "limit must be 1.." + max,
                List.of(Map.of("path", "limit", "message", "got '" + raw + "'")));
    }
}

package io.noetl.server.api;

import io.noetl.schemas.playbook.Durations;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Query-string values shared by the routes, each refused with a 400 that names the parameter. */
final class Queries {

    private Queries() {
    }

    /**
     * A point in time: an RFC 3339 instant ({@code 2026-11-30T00:00:00Z}), or a duration back from now ({@code 24h},
     * {@code 7d}, {@code 30m}); null when absent.
     */
    static Instant since(String name, String raw, Instant now) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return now.minusMillis(Durations.toMillis(v));
            } catch (IllegalArgumentException notADuration) {
                throw ApiException.badRequest("invalid_request", name + " must be an RFC 3339 time or a duration "
                        + "back from now such as 24h or 7d", List.of(Map.of("path", name, "message", "got '" + raw
                        + "'")));
            }
        }
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

package io.noetl.stores.analytics;

import java.time.Instant;

/**
 * Which alerts to list, newest first.
 *
 * @param since    only alerts detected at or after this time, or null
 * @param severity only this severity ({@code info}, {@code warning}, {@code critical}), or null
 * @param playbook only alerts about this playbook, or null
 * @param limit    page size, 1 to 1000
 * @param cursor   the {@code next} of the previous page, or null for the first
 */
public record AlertQuery(Instant since, String severity, String playbook, int limit, String cursor) {

    public AlertQuery {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000, got " + limit);
        }
    }
}

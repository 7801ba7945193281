package io.noetl.sink.analytics;

import io.noetl.stores.analytics.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Where a page of a list ordered by a time (newest first) and then an id (descending) ended: the next page starts
 * after this position, so rows written meanwhile neither repeat nor shift items between pages. Sent to callers as an
 * opaque string.
 *
 * @param millis the sort time of the last item, epoch milliseconds (0 when the item has no time)
 * @param id     the id of the last item
 */
public record PageCursor(long millis, String id) {

    /** Largest page a store returns. */
    public static final int MAX_LIMIT = 1000;

    public PageCursor {
        if (id == null) {
            throw new IllegalArgumentException("a page cursor needs an id");
        }
    }

    /** @return this cursor as an opaque, URL-safe string */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((millis + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return the cursor a string encodes, or null for a null string (the first page)
     * @throws IllegalArgumentException when the string is not a cursor this class made
     */
    public static PageCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return new PageCursor(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("malformed page cursor: " + cursor, e);
        }
    }

    /**
     * @return {@code limit}
     * @throws IllegalArgumentException when it is not 1 to {@link #MAX_LIMIT}
     */
    public static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }

    /**
     * @param fetched up to {@code limit + 1} items in list order; one more than the limit means a next page exists
     * @param limit   the page size
     * @param key     the cursor position of an item
     * @return the first {@code limit} items, with the cursor after the last of them when more follow
     */
    public static <T> Page<T> page(List<T> fetched, int limit, Function<T, PageCursor> key) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, key.apply(items.getLast()).encode());
    }
}

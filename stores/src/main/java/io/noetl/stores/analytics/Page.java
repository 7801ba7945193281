package io.noetl.stores.analytics;

import java.util.List;

/**
 * One page of a list read from a store.
 *
 * @param items the items, in the list's order
 * @param next  the cursor of the next page, or null on the last
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }
}

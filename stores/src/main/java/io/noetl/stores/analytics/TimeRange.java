package io.noetl.stores.analytics;

import java.time.Instant;

/**
 * A half-open time range {@code [from, to)}; a null bound is unbounded.
 */
public record TimeRange(Instant from, Instant to) {

    /** All time. */
    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("time range is empty: from " + from + " is not before to " + to);
        }
    }

    /** @return whether {@code t} lies in the range */
    public boolean contains(Instant t) {
        return t != null && (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }
}

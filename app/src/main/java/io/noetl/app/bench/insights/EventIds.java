package io.noetl.app.bench.insights;

import java.time.Instant;

/**
 * ULIDs for synthetic times: the 48-bit time part is the event's own timestamp (so ids sort like the history they
 * describe, as live ids do), the 80 other bits a fixed prefix and a counter, so no two ids repeat. Not thread-safe.
 */
final class EventIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final long high;
    private long counter;

    /** @param seed chooses the 16 bits that precede the counter */
    EventIds(long seed) {
        this.high = seed & 0xFFFF;
    }

    /** @return a new ULID whose time is {@code t} */
    String at(Instant t) {
        long millis = t.toEpochMilli();
        long lo = ++counter;
        long hi = high;
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo = (lo >>> 5) | ((hi & 31) << 59);
            hi >>>= 5;
        }
        return new String(out);
    }
}

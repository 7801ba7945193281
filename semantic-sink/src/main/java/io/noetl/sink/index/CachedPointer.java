package io.noetl.sink.index;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * A current-version pointer read from a store at most every {@link SinkIndex#POINTER_REFRESH_MS} ms; a local
 * {@link #set} is seen at once. Thread-safe.
 */
final class CachedPointer {

    private final IntSupplier reader;
    private final LongSupplier clock;
    private int version;
    private long readAt;
    private boolean valid;

    CachedPointer(IntSupplier reader) {
        this(reader, System::currentTimeMillis);
    }

    CachedPointer(IntSupplier reader, LongSupplier clock) {
        this.reader = reader;
        this.clock = clock;
    }

    synchronized int get() {
        long now = clock.getAsLong();
        if (!valid || now - readAt >= SinkIndex.POINTER_REFRESH_MS) {
            version = reader.getAsInt();
            readAt = now;
            valid = true;
        }
        return version;
    }

    synchronized void set(int v) {
        version = v;
        readAt = clock.getAsLong();
        valid = true;
    }
}

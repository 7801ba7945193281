package io.noetl.topology.trace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded trace states of the executions a stream task touched last, so an event costs a fold and an encode rather
 * than a decode, a fold and an encode. A read-through view of the trace store, never ahead of it: every state put
 * here was written to the store in the same step, and the cache starts empty whenever the processor is (re)initialized
 * (after a crash or a rebalance the store is the truth).
 */
final class LiveTraces {

    /** A cached execution: its state and the processing time its activity mark was last written. */
    static final class Entry {
        final TraceState state;
        long markedAt = -1;

        Entry(TraceState state) {
            this.state = state;
        }
    }

    private final Map<String, LiveTraces.Entry> entries;

    LiveTraces(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, LiveTraces.Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    Entry get(String executionId) {
        return entries.get(executionId);
    }

    Entry put(String executionId, TraceState state) {
        Entry e = new Entry(state);
        entries.put(executionId, e);
        return e;
    }

    void remove(String executionId) {
        entries.remove(executionId);
    }

    int size() {
        return entries.size();
    }
}

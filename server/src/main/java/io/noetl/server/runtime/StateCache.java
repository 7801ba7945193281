package io.noetl.server.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One lane's recently used execution states with their KV revisions. Used only by its lane's thread,
 * so it needs no locking; terminal executions are dropped. A stale entry (another replica wrote since)
 * is harmless: its CAS fails and the lane reloads.
 */
final class StateCache {

    private final Map<String, ExecutionStore.Stored> entries;

    StateCache(int capacity) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ExecutionStore.Stored> eldest) {
                return size() > capacity;
            }
        };
    }

    ExecutionStore.Stored get(String executionId) {
        return entries.get(executionId);
    }

    void put(ExecutionStore.Stored stored) {
        if (stored.state().status().terminal()) {
            entries.remove(stored.state().executionId());
        } else {
            entries.put(stored.state().executionId(), stored);
        }
    }

    void remove(String executionId) {
        entries.remove(executionId);
    }
}

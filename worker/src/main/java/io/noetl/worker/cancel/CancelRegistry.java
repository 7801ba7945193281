package io.noetl.worker.cancel;

import io.noetl.worker.tool.Cancellation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The tools running per execution, so a cancel request can stop all of an execution's tools. */
public final class CancelRegistry {

    private final ConcurrentHashMap<String, Set<Cancellation>> running = new ConcurrentHashMap<>();

    /** Tracks {@code cancellation} under {@code executionId} until the returned handle is closed. */
    public Registration register(String executionId, Cancellation cancellation) {
        running.computeIfAbsent(executionId, id -> ConcurrentHashMap.newKeySet()).add(cancellation);
        return () -> running.computeIfPresent(executionId, (id, set) -> {
            set.remove(cancellation);
            return set.isEmpty() ? null : set;
        });
    }

    /** Stops every running tool of {@code executionId}; returns how many were stopped. */
    public int cancel(String executionId) {
        Set<Cancellation> set = running.get(executionId);
        if (set == null) {
            return 0;
        }
        int n = 0;
        for (Cancellation c : set) {
            n += c.cancel(Cancellation.Reason.CANCELLED) ? 1 : 0;
        }
        return n;
    }

    /** Stops every running tool (abrupt shutdown). */
    public void cancelAll() {
        running.keySet().forEach(this::cancel);
    }

    /** A tracked tool; closing it stops tracking. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}

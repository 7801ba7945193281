package io.noetl.server.runtime;

import io.noetl.server.engine.ExecutionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * In-memory timers: when a state has a next wake-up (retry due, timeout, decision or claim deadline), the
 * execution is ticked then. One pending timer per execution (the earliest). A crash loses the timers; the
 * reaper's periodic scan covers that.
 */
final class WakeUps {

    private static final long MIN_DELAY_MS = 20;

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration claimTimeout;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private volatile Consumer<String> ticker = id -> { };

    WakeUps(ScheduledExecutorService scheduler, Clock clock, Duration claimTimeout) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.claimTimeout = claimTimeout;
    }

    void onTick(Consumer<String> tick) {
        this.ticker = tick;
    }

    /** Schedules a tick at the state's next wake-up, unless an earlier one is pending already. */
    void schedule(ExecutionState state, long minDelayMs) {
        Instant at = state.nextWakeUp(claimTimeout);
        if (at == null) {
            return;
        }
        String id = state.executionId();
        Instant[] winner = new Instant[1];
        pending.compute(id, (k, existing) -> {
            if (existing != null && !existing.isAfter(at)) {
                return existing;
            }
            winner[0] = at;
            return at;
        });
        if (winner[0] == null) {
            return;
        }
        long delay = Math.max(Math.max(MIN_DELAY_MS, minDelayMs), Duration.between(clock.instant(), at).toMillis());
        scheduler.schedule(() -> {
            if (pending.remove(id, at)) {
                ticker.accept(id);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }
}

package io.noetl.server.runtime;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every interval, ticks every execution not known to have ended: catches what in-memory timers cannot
 * (a crashed replica's timers, commands published by nobody, workers that vanished). Nothing stays RUNNING.
 */
final class Reaper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);

    private final ExecutionStore store;
    private final ExecutionRuntime runtime;
    private final ScheduledFuture<?> task;

    Reaper(ScheduledExecutorService scheduler, Duration interval, ExecutionStore store, ExecutionRuntime runtime) {
        this.store = store;
        this.runtime = runtime;
        long ms = Math.max(100, interval.toMillis());
        this.task = scheduler.scheduleWithFixedDelay(this::scan, ms, ms, TimeUnit.MILLISECONDS);
    }

    void scan() {
        try {
            int ticked = 0;
            for (String id : store.activeIds()) {
                if (runtime.knownEnded(id)) {
                    store.forgetActive(id); // its terminal write happened, its index removal did not
                } else {
                    runtime.tick(id);
                    ticked++;
                }
            }
            LOG.debug("reaper ticked {} executions", ticked);
        } catch (RuntimeException e) {
            LOG.warn("reaper scan failed, next in one interval: {}", e.toString());
        }
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}

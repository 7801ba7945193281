package io.noetl.server.runtime;

import io.nats.client.Connection;
import io.noetl.schemas.Names;
import io.noetl.server.catalog.Catalog;
import io.noetl.server.nats.Publisher;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Wires the execution runtime: lanes, timers, the event consumer and the reaper; closes them in order. */
public final class ExecutionServices implements AutoCloseable {

    private final ScheduledExecutorService scheduler;
    private final Lanes lanes;
    private final ExecutionRuntime runtime;
    private final EventConsumer consumer;
    private final Reaper reaper;
    private final EventReader events;
    private final ExecutionQueries queries;

    /**
     * @param lanes          parallel lanes (executions are partitioned over them by id)
     * @param reaperInterval how often every unfinished execution is ticked
     * @param claimTimeout   an issued command not claimed within this is re-issued by the engine
     */
    public ExecutionServices(Connection nc, Names names, ExecutionEngine engine, Catalog catalog, int lanes,
                             Duration reaperInterval, Duration claimTimeout, Clock clock) {
        this.scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("noetl-timer-", 0).factory());
        this.lanes = new Lanes(lanes);
        ExecutionStore store = new ExecutionStore(nc, names);
        Publisher publisher = new Publisher(nc, names, scheduler);
        WakeUps wakeUps = new WakeUps(scheduler, clock, claimTimeout);
        this.runtime = new ExecutionRuntime(engine, catalog, store, publisher, this.lanes, wakeUps, nc, names,
                clock, claimTimeout);
        this.events = new EventReader(nc, names);
        this.queries = new ExecutionQueries(store);
        this.consumer = new EventConsumer(nc, names, this.lanes, runtime, engine);
        this.reaper = new Reaper(scheduler, reaperInterval, store, runtime);
    }

    public ExecutionRuntime runtime() {
        return runtime;
    }

    public EventReader events() {
        return events;
    }

    public ExecutionQueries queries() {
        return queries;
    }

    @Override
    public void close() {
        reaper.close();
        consumer.close();
        lanes.close();
        scheduler.shutdownNow();
    }
}

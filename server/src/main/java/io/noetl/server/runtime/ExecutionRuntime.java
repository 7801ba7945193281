package io.noetl.server.runtime;

import io.nats.client.Connection;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.decision.Decision;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.server.catalog.Catalog;
import io.noetl.server.catalog.CatalogEntry;
import io.noetl.server.engine.ExecutionState;
import io.noetl.server.engine.Transition;
import io.noetl.server.nats.Publisher;
import io.noetl.server.runtime.ExecutionStore.CasConflictException;
import io.noetl.server.runtime.ExecutionStore.Stored;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs executions over NATS: every state change is computed by the engine, stored with KV compare-and-set,
 * then its events and commands are published (acks awaited before the input is acknowledged). Changes to
 * one execution go through its lane, so inside a replica they never race; across replicas CAS decides.
 */
public final class ExecutionRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRuntime.class);
    private static final int MAX_CAS_ATTEMPTS = 8;
    private static final int MAX_REMEMBERED_ENDED = 100_000;

    private final ExecutionEngine engine;
    private final Catalog catalog;
    private final ExecutionStore store;
    private final Publisher publisher;
    private final Lanes lanes;
    private final WakeUps wakeUps;
    private final Connection nc;
    private final Names names;
    private final Clock clock;
    private final Duration claimTimeout;
    private final ChildLauncher children;
    /**
     * Recently ended executions, so late ticks skip them without a KV read. Bounded: an execution that fell out
     * costs one read that finds it terminal.
     */
    private final Set<String> ended = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_REMEMBERED_ENDED;
                }
            }));

    ExecutionRuntime(ExecutionEngine engine, Catalog catalog, ExecutionStore store, Publisher publisher, Lanes lanes,
                     WakeUps wakeUps, Connection nc, Names names, Clock clock, Duration claimTimeout) {
        this.engine = engine;
        this.catalog = catalog;
        this.store = store;
        this.publisher = publisher;
        this.lanes = lanes;
        this.wakeUps = wakeUps;
        this.nc = nc;
        this.names = names;
        this.clock = clock;
        this.claimTimeout = claimTimeout;
        this.children = new ChildLauncher(this::launch, catalog, publisher);
        wakeUps.onTick(this::tick);
    }

    /** The new state and the future of its events' and commands' publish acks. */
    record Advanced(ExecutionState state, CompletableFuture<Void> published) {
    }

    /** Starts a new execution of {@code path} ({@code version} null = latest); returns once its first messages are acked. */
    public ExecutionState start(String path, Integer version, Map<String, Object> workload) {
        CatalogEntry entry = catalog.resolve(path, version)
                .orElseThrow(() -> new ExecutionErrors.UnknownPlaybook(path, version));
        Advanced started = launch(Ulid.next(), entry, workload == null ? Map.of() : workload, null, null);
        started.published().join();
        return started.state();
    }

    /** Creates the execution's state (once: a re-run finds it and does nothing) and publishes its first messages. */
    Advanced launch(String executionId, CatalogEntry entry, Map<String, Object> workload, String parentId,
                    String parentStep) {
        Transition t = engine.start(executionId, entry.playbook(), entry.version(), workload, parentId, parentStep);
        try {
            store.create(t.state());
        } catch (CasConflictException alreadyStarted) {
            LOG.debug("execution {} exists already; not starting it again", executionId);
            return new Advanced(t.state(), CompletableFuture.completedFuture(null));
        }
        wakeUps.schedule(t.state(), 0);
        LOG.debug("started execution {} of {} v{}", executionId, entry.path(), entry.version());
        return new Advanced(t.state(), publish(t));
    }

    /** Read-only view of the stored state (for the REST API). */
    public ExecutionState get(String executionId) {
        Stored s = store.load(executionId);
        if (s == null) {
            throw new ExecutionErrors.UnknownExecution(executionId);
        }
        return s.state();
    }

    /**
     * Cancels a running or paused execution and, depth first, the sub-playbook executions it has running;
     * 409 when it ended already. Tells workers on the cancel subject so running tools stop.
     */
    public ExecutionState cancel(String executionId, String reason) {
        List<String> children = new ArrayList<>();
        Advanced a = lanes.call(executionId, cache -> advance(cache, executionId, (s, pb) -> {
            if (s.status().terminal()) {
                throw new ExecutionErrors.Conflict("execution " + executionId + " is " + s.status() + " already");
            }
            children.clear();
            children.addAll(s.childExecutionIds());
            return engine.cancel(s, pb, reason);
        })).join();
        a.published().join();
        nc.publish(names.cancel(executionId), Json.bytes(Map.of("execution_id", executionId, "reason", reason)));
        for (String child : children) {
            try {
                cancel(child, "parent execution " + executionId + " cancelled: " + reason);
            } catch (ExecutionErrors.Conflict | ExecutionErrors.UnknownExecution endedOrNeverStarted) {
                LOG.debug("child {} of {} not cancelled: {}", child, executionId, endedOrNeverStarted.getMessage());
            }
        }
        return a.state();
    }

    /** Records a human decision: publishes the engine's {@code decision.recorded} event (applied by the consumer). */
    public Event decide(String executionId, Decision decision) {
        ExecutionState state = get(executionId);
        Event recorded = engine.decide(state, playbookOf(state), decision);
        publisher.publishEvent(recorded).join();
        return recorded;
    }

    /**
     * Records what fixed an execution: publishes a {@code resolution.recorded} event on the execution's subject, so it
     * flows through JetStream, Kafka and the sink like every other event (a replay keeps it). The same text by the
     * same person is one event, however often it is posted. 409 while the execution still runs.
     */
    public Event recordResolution(String executionId, String text, String by) {
        ExecutionState state = get(executionId);
        if (!state.status().terminal()) {
            throw new ExecutionErrors.Conflict("execution " + executionId + " is " + state.status()
                    + "; a resolution is recorded once it has ended");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("text", text);
        result.put("by", by);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("msg_key", Integer.toHexString((text + "\n" + by).hashCode()));
        Event recorded = Event.builder(EventTypes.RESOLUTION_RECORDED, executionId)
                .playbookPath(state.playbookPath())
                .playbookVersion(state.playbookVersion())
                .parentExecutionId(state.parentExecutionId())
                .status(state.status().name())
                .timestamp(clock.instant())
                .result(Json.toTree(result))
                .meta(meta)
                .build();
        publisher.publishEvent(recorded).join();
        return recorded;
    }

    /** Lets the engine look at the execution's timers now (retries due, timeouts, unclaimed commands). */
    public void tick(String executionId) {
        if (ended.contains(executionId)) {
            return;
        }
        lanes.execute(executionId, cache -> {
            Advanced a = advance(cache, executionId, (s, pb) -> engine.tick(s, pb, clock.instant(), claimTimeout));
            wakeUps.schedule(a.state(), 250);
            a.published().whenComplete((v, e) -> {
                if (e != null) {
                    LOG.warn("tick of execution {}: publish failed: {}", executionId, e.toString());
                }
            });
        });
    }

    /** Executions known to have ended (the reaper skips them). */
    boolean knownEnded(String executionId) {
        return ended.contains(executionId);
    }

    /**
     * Applies {@code step} to the execution's current state on the calling lane: CAS the result, publish it.
     * A CAS conflict (another replica moved first) reloads and re-applies, a bounded number of times.
     */
    Advanced advance(StateCache cache, String executionId,
                     BiFunction<ExecutionState, Playbook, Transition> step) {
        for (int attempt = 1; attempt <= MAX_CAS_ATTEMPTS; attempt++) {
            Stored current = cache.get(executionId);
            boolean cached = current != null;
            if (!cached) {
                current = store.load(executionId);
                if (current == null) {
                    throw new ExecutionErrors.UnknownExecution(executionId);
                }
            }
            Transition t = step.apply(current.state(), playbookOf(current.state()));
            if (!t.changed()) {
                // "no effect" from a cached state may only mean another replica moved on: check before trusting it
                Stored fresh = cached ? store.load(executionId) : current;
                if (fresh != null && fresh.revision() != current.revision()) {
                    remember(cache, fresh);
                    continue;
                }
                remember(cache, current);
                return new Advanced(current.state(), CompletableFuture.completedFuture(null));
            }
            try {
                Stored next = store.update(t.state(), current.revision());
                remember(cache, next);
                wakeUps.schedule(next.state(), 0);
                return new Advanced(next.state(), publish(t));
            } catch (CasConflictException e) {
                LOG.debug("execution {}: CAS conflict (attempt {}), reloading", executionId, attempt);
                cache.remove(executionId);
            }
        }
        throw new CasConflictException("advance execution " + executionId + " after " + MAX_CAS_ATTEMPTS + " attempts");
    }

    private void remember(StateCache cache, Stored stored) {
        cache.put(stored);
        if (stored.state().status().terminal()) {
            ended.add(stored.state().executionId());
        }
    }

    private CompletableFuture<Void> publish(Transition t) {
        CompletableFuture<Void> published = publisher.publish(t.events(), t.commands());
        if (t.children().isEmpty()) {
            return published;
        }
        return CompletableFuture.allOf(published, children.startAll(t.children()));
    }

    private Playbook playbookOf(ExecutionState state) {
        return catalog.get(state.playbookPath(), state.playbookVersion())
                .orElseThrow(() -> new IllegalStateException("execution " + state.executionId() + " runs playbook "
                        + state.playbookPath() + " v" + state.playbookVersion() + ", which is not in the catalog"))
                .playbook();
    }
}

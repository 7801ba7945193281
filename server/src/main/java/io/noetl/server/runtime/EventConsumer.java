package io.noetl.server.runtime;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.StreamContext;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.Status;
import io.noetl.schemas.Subjects;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.nats.PullResume;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.server.engine.ChildStart;
import io.noetl.server.engine.ExecutionState;
import io.noetl.server.engine.Transition;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server replicas' shared durable consumer of the events stream. Messages are routed to lanes by the
 * execution id in their subject; each lane parses, skips what the engine never needs, and applies the rest.
 * A message is acked only after the resulting state's CAS and the publish acks of what it caused.
 */
public final class EventConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);
    private static final Duration RETRY_DELAY = Duration.ofMillis(500);

    private final Lanes lanes;
    private final ExecutionRuntime runtime;
    private final ExecutionEngine engine;
    private final String subjectPrefix;
    private final Connection nc;
    private final ConsumerContext context;
    private final ConsumeOptions options = ConsumeOptions.builder().batchSize(512).build();
    private final ConnectionListener onReconnect = PullResume.onReconnect("resume-events", this::resume);
    private volatile MessageConsumer consumer;
    private volatile boolean closed;

    EventConsumer(Connection nc, Names names, Lanes lanes, ExecutionRuntime runtime, ExecutionEngine engine) {
        this.lanes = lanes;
        this.runtime = runtime;
        this.engine = engine;
        this.subjectPrefix = names.events("");
        this.nc = nc;
        try {
            StreamContext stream = nc.getStreamContext(names.eventsStream());
            this.context = stream.createOrUpdateConsumer(ConsumerConfiguration.builder()
                    .durable(names.serverConsumer())
                    .filterSubject(names.eventsWildcard())
                    .ackPolicy(AckPolicy.Explicit)
                    .deliverPolicy(DeliverPolicy.All)
                    .ackWait(Duration.ofSeconds(30))
                    .maxAckPending(20_000)
                    .build());
            lanes.onBatch(this::handle);
            this.consumer = context.consume(options, this::route);
            nc.addConnectionListener(onReconnect);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("create durable consumer " + names.serverConsumer(), e);
        }
        LOG.info("consuming {} as {}", names.eventsStream(), names.serverConsumer());
    }

    /** A message as it came from the stream. */
    private record Received(Message msg) implements Lanes.Inbound {
    }

    /** A parsed event bound for {@code target}'s lane. */
    private record Parsed(Message msg, Event event, String target) implements Lanes.Inbound {
    }

    private void route(Message msg) {
        String type = msg.hasHeaders() ? msg.getHeaders().getFirst(Subjects.EVENT_TYPE_HEADER) : null;
        if (type != null && EventRouting.skipType(type)) {
            msg.ack(); // most events need no work here: no parse, no lane
            return;
        }
        String subject = msg.getSubject();
        String executionId = subject.startsWith(subjectPrefix) ? subject.substring(subjectPrefix.length()) : subject;
        lanes.deliver(executionId, new Received(msg));
    }

    /** One lane's batch: parse, drop what needs no work, group by execution, one state write per execution. */
    private void handle(List<Lanes.Inbound> batch, StateCache cache) {
        Map<String, List<Parsed>> groups = new LinkedHashMap<>();
        for (Lanes.Inbound item : batch) {
            Parsed parsed = item instanceof Received r ? parse(r.msg()) : (Parsed) item;
            if (parsed == null) {
                continue;
            }
            if (item instanceof Received && lanes.laneOf(parsed.target()) != lanes.laneOf(parsed.event().executionId())) {
                lanes.deliver(parsed.target(), parsed); // a child's end advances its parent, on the parent's lane
            } else {
                groups.computeIfAbsent(parsed.target(), k -> new ArrayList<>()).add(parsed);
            }
        }
        groups.forEach((target, events) -> apply(target, events, cache));
    }

    private Parsed parse(Message msg) {
        Event event;
        try {
            event = Json.read(msg.getData(), Event.class);
        } catch (IllegalArgumentException e) {
            // it cannot advance anything; redelivering it would only repeat this
            LOG.error("unreadable event on {} (seq {}), acked and dropped: {}", msg.getSubject(),
                    msg.metaData().streamSequence(), e.getMessage());
            msg.ack();
            return null;
        }
        if (EventRouting.skip(event)) {
            msg.ack();
            return null;
        }
        return new Parsed(msg, event, EventRouting.target(event));
    }

    private void apply(String target, List<Parsed> events, StateCache cache) {
        try {
            settle(target, events, runtime.advance(cache, target, (s, pb) -> fold(s, pb, events)));
        } catch (ExecutionErrors.UnknownExecution e) {
            LOG.warn("{} events for unknown execution {}, acked", events.size(), target);
            events.forEach(p -> p.msg().ack());
        } catch (ExecutionErrors.StateTooLarge e) {
            tooLarge(target, events, cache, e);
        } catch (RuntimeException e) {
            LOG.warn("{} events of execution {} not applied, will be redelivered: {}", events.size(), target,
                    e.toString());
            events.forEach(p -> p.msg().nakWithDelay(RETRY_DELAY));
        }
    }

    /** Acks the events once their effects are published, else has them redelivered. */
    private static void settle(String target, List<Parsed> events, ExecutionRuntime.Advanced advanced) {
        advanced.published().whenComplete((v, e) -> {
            if (e == null) {
                events.forEach(p -> p.msg().ack());
            } else {
                LOG.warn("{} events of {}: publishing their effects failed, will be redelivered: {}",
                        events.size(), target, e.toString());
                events.forEach(p -> p.msg().nakWithDelay(RETRY_DELAY));
            }
        });
    }

    /**
     * The events would make the execution's state too large to store: each result they bring ({@code call.done})
     * is applied as a failure of its step instead ({@code StateTooLarge}, naming the sizes), so the execution moves
     * on (a policy may still decide) rather than the events being redelivered for ever. The events stay in the
     * event stream as they were.
     */
    private void tooLarge(String target, List<Parsed> events, StateCache cache, ExecutionErrors.StateTooLarge e) {
        List<Parsed> failed = events.stream().map(p -> new Parsed(p.msg(), resultTooLarge(p.event(), e),
                p.target())).toList();
        LOG.warn("execution {}: {}; the results of {} events are applied as step failures", target, e.getMessage(),
                events.size());
        try {
            settle(target, events, runtime.advance(cache, target, (s, pb) -> fold(s, pb, failed)));
        } catch (RuntimeException again) {
            LOG.error("execution {}: events not applicable even as failures, acked (they stay in the event stream): {}",
                    target, again.toString());
            events.forEach(p -> p.msg().ack());
        }
    }

    private static Event resultTooLarge(Event event, ExecutionErrors.StateTooLarge e) {
        if (!EventTypes.CALL_DONE.equals(event.eventType())) {
            return event;
        }
        String message = "the result of step '" + event.step() + "' would make the execution's state " + e.bytes()
                + " bytes, over the NATS server's max_payload of " + e.maxPayload() + " bytes: keep large data out of "
                + "step results (store it and return a reference), or raise max_payload on the NATS server";
        return event.toBuilder().eventType(EventTypes.CALL_ERROR).status(Status.FAILED.name()).result(null)
                .error(new ErrorInfo("StateTooLarge", message, null, Boolean.FALSE,
                        ErrorClass.RESOURCE_EXHAUSTED.wireName()))
                .build();
    }

    /** Applies the events in order; the result is one transition with everything they caused. */
    private Transition fold(ExecutionState start, Playbook pb, List<Parsed> events) {
        if (events.size() == 1) {
            return engine.apply(start, pb, events.get(0).event());
        }
        ExecutionState state = start;
        List<Command> commands = new ArrayList<>();
        List<Event> emitted = new ArrayList<>();
        List<ChildStart> children = new ArrayList<>();
        boolean changed = false;
        for (Parsed p : events) {
            Transition t = engine.apply(state, pb, p.event());
            if (t.changed()) {
                changed = true;
                state = t.state();
                commands.addAll(t.commands());
                emitted.addAll(t.events());
                children.addAll(t.children());
            }
        }
        return changed ? new Transition(state, commands, emitted, children, true) : Transition.unchanged(start);
    }

    /**
     * After a reconnect a restarted nats-server has forgotten the outstanding pull request: open a fresh one,
     * retrying until it works, or events would wait unseen until the reaper's next pass.
     */
    private synchronized void resume() {
        MessageConsumer fresh = PullResume.reopen(consumer, context, options, this::route, () -> closed, "events");
        if (fresh != null) {
            consumer = fresh;
        }
    }

    /** Stops pulling; messages in flight finish on their lanes. */
    @Override
    public void close() {
        closed = true;
        nc.removeConnectionListener(onReconnect);
        MessageConsumer consumer = this.consumer;
        consumer.stop();
        // the open pull may take until its expiry to finish; what was delivered is in the lanes already
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (!consumer.isFinished() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

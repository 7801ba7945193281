package io.noetl.server.it;

import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.nats.PullResume;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Stands in for a worker over real NATS (the worker module is not a dependency of the server): pulls commands,
 * publishes {@code command.claimed}, {@code command.started} and {@code call.done} (or {@code call.error} when
 * {@code outcome} returns an error), then acks the command.
 */
final class SimulatedWorker implements AutoCloseable {

    /** What a command produced: a result, or an error. */
    record Outcome(Map<String, Object> result, ErrorInfo error) {
        static Outcome ok(Map<String, Object> result) {
            return new Outcome(result, null);
        }

        static Outcome failed(String message) {
            return new Outcome(null, ErrorInfo.fatal("TestError", message));
        }
    }

    private final Connection nc;
    private final JetStream js;
    private final Names names;
    private final ConsumerContext context;
    private final ConsumeOptions options = ConsumeOptions.builder().batchSize(256).build();
    private volatile MessageConsumer consumer;
    private volatile boolean closed;
    private final Function<Command, Outcome> outcome;
    final AtomicInteger commands = new AtomicInteger();
    final Map<String, AtomicInteger> perStep = new ConcurrentHashMap<>();

    SimulatedWorker(String natsUrl, Names names, Function<Command, Outcome> outcome) throws Exception {
        this.names = names;
        this.outcome = outcome;
        // like the real worker: a restarted nats-server forgets the outstanding pull, so it is opened afresh
        this.nc = Nats.connectReconnectOnConnect(Options.builder().server(natsUrl).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(250))
                .connectionListener(PullResume.onReconnect("simulated-worker-resume", this::resume)).build());
        this.js = nc.jetStream();
        this.context = nc.getStreamContext(names.commandsStream()).createOrUpdateConsumer(ConsumerConfiguration.builder()
                .durable(names.workerConsumer("default"))
                .filterSubject(names.commandsWildcard())
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(Duration.ofSeconds(5))
                .build());
        this.consumer = context.consume(options, this::handle);
    }

    private void resume() {
        MessageConsumer fresh = PullResume.reopen(consumer, context, options, this::handle, () -> closed,
                "simulated commands");
        if (fresh != null) {
            consumer = fresh;
        }
    }

    static SimulatedWorker succeeding(String natsUrl, Names names) throws Exception {
        return new SimulatedWorker(natsUrl, names, c -> Outcome.ok(Map.of("step", c.step(), "ok", true)));
    }

    private void handle(Message msg) {
        Command c = Json.read(msg.getData(), Command.class);
        commands.incrementAndGet();
        perStep.computeIfAbsent(c.step(), k -> new AtomicInteger()).incrementAndGet();
        Outcome o = outcome.apply(c);
        List<Event> events = List.of(
                event(c, EventTypes.COMMAND_CLAIMED).build(),
                event(c, EventTypes.COMMAND_STARTED).build(),
                o.error() == null
                        ? event(c, EventTypes.CALL_DONE).status("COMPLETED").result(Json.toTree(o.result())).build()
                        : event(c, EventTypes.CALL_ERROR).status("FAILED").error(o.error()).build());
        CompletableFuture<?>[] acks = new CompletableFuture<?>[events.size()];
        for (int i = 0; i < acks.length; i++) {
            Event e = events.get(i);
            try {
                acks[i] = js.publishAsync(names.events(c.executionId()), Json.bytes(e),
                        PublishOptions.builder().messageId(e.natsMsgId()).build());
            } catch (RuntimeException failed) {
                acks[i] = CompletableFuture.failedFuture(failed);
            }
        }
        CompletableFuture.allOf(acks).orTimeout(5, TimeUnit.SECONDS).whenComplete((v, err) -> {
            if (err == null) {
                msg.ack();
            } else {
                msg.nakWithDelay(Duration.ofMillis(200));
            }
        });
    }

    private static Event.Builder event(Command c, String type) {
        return c.event(type).workerId("sim-worker");
    }

    @Override
    public void close() throws Exception {
        closed = true;
        consumer.stop();
        nc.close();
    }
}

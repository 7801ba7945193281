package io.noetl.worker.consume;

import io.nats.client.Message;
import io.nats.client.api.PublishAck;
import io.noetl.schemas.Json;
import io.noetl.schemas.command.Command;
import io.noetl.worker.event.EventPublisher;
import io.noetl.worker.event.WorkerEvents;
import io.noetl.worker.redact.Redactor;
import io.noetl.worker.tool.ToolExecution;
import io.noetl.worker.tool.ToolExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one delivered command: {@code command.claimed}, {@code command.started}, the tool (kept alive with
 * {@code inProgress} every ack-wait/3), {@code call.done|error}, {@code command.completed|failed}; the command is
 * acked only after every event's publish ack. Poison messages are terminated; a publish failure naks with delay.
 */
public final class CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);
    private static final long PUBLISH_ACK_TIMEOUT_MS = 10_000;
    private static final Duration NAK_DELAY = Duration.ofSeconds(1);

    private final ToolExecutor executor;
    private final EventPublisher publisher;
    private final ScheduledExecutorService ticker;
    private final String workerId;
    private final long inProgressEveryMs;

    public CommandHandler(ToolExecutor executor, EventPublisher publisher, ScheduledExecutorService ticker,
                          String workerId, Duration ackWait) {
        this.executor = executor;
        this.publisher = publisher;
        this.ticker = ticker;
        this.workerId = workerId;
        this.inProgressEveryMs = Math.max(100, ackWait.toMillis() / 3);
    }

    /** Handles {@code msg} to its ack, term or nak; never throws except when interrupted. */
    public void handle(Message msg) throws InterruptedException {
        Command command = parse(msg);
        if (command == null) {
            return;
        }
        long delivered = msg.metaData().deliveredCount();
        WorkerEvents events = new WorkerEvents(command, command.attempt() + (int) (delivered - 1), workerId);
        long start = System.nanoTime();
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>(4);
        acks.add(publisher.publish(events.claimed(delivered)));
        acks.add(publisher.publish(events.started()));
        ScheduledFuture<?> keepAlive = ticker.scheduleAtFixedRate(() -> inProgress(msg),
                inProgressEveryMs, inProgressEveryMs, TimeUnit.MILLISECONDS);
        ToolExecution execution;
        try {
            execution = executor.execute(command);
        } finally {
            keepAlive.cancel(false);
        }
        Redactor redactor = new Redactor(execution.keychain().secrets());
        long totalMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        acks.add(publisher.publish(events.call(execution.outcome(), execution.durationMs(), redactor)));
        acks.add(publisher.publish(events.terminal(execution.outcome(), totalMs, redactor)));
        try {
            EventPublisher.awaitAll(acks, PUBLISH_ACK_TIMEOUT_MS);
            msg.ack();
            LOG.debug("command {} step {} attempt {} done in {} ms", command.commandId(), command.step(),
                    events.attempt(), totalMs);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("events of command {} (step {}, attempt {}) not acknowledged, redelivering: {}",
                    command.commandId(), command.step(), events.attempt(), e.toString());
            nak(msg);
        }
    }

    private static Command parse(Message msg) {
        try {
            Command command = Json.read(msg.getData(), Command.class);
            if (command.commandId() == null || command.executionId() == null || command.step() == null) {
                throw new IllegalArgumentException("command lacks command_id, execution_id or step");
            }
            return command;
        } catch (RuntimeException e) {
            LOG.error("terminating malformed command on {} (stream seq {}): {}", msg.getSubject(),
                    msg.metaData().streamSequence(), e.getMessage());
            msg.term();
            return null;
        }
    }

    private static void inProgress(Message msg) {
        try {
            msg.inProgress();
        } catch (RuntimeException e) {
            // disconnected: the command is redelivered after its ack wait, which is the right outcome
            LOG.debug("inProgress failed: {}", e.toString());
        }
    }

    private static void nak(Message msg) {
        try {
            msg.nakWithDelay(NAK_DELAY);
        } catch (RuntimeException e) {
            LOG.warn("nak failed, the command is redelivered after its ack wait: {}", e.toString());
        }
    }
}

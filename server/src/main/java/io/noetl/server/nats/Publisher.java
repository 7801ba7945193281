package io.noetl.server.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.Subjects;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.Status;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events and commands asynchronously, each with {@code Nats-Msg-Id} derived from its meaning,
 * and completes once JetStream acked all of them. A failed publish is retried (same msg id, so JetStream
 * absorbs a duplicate) with backoff for a bounded time before the returned future fails.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final long ACK_TIMEOUT_MS = 5_000;
    private static final int MAX_ATTEMPTS = 8;

    private final Connection nc;
    private final JetStream js;
    private final Names names;
    private final ScheduledExecutorService retries;

    public Publisher(Connection nc, Names names, ScheduledExecutorService retries) {
        try {
            this.js = nc.jetStream();
        } catch (IOException e) {
            throw new IllegalStateException("open JetStream context", e);
        }
        this.nc = nc;
        this.names = names;
        this.retries = retries;
    }

    /**
     * Publishes every event, then every command; completes when all are acked. Events go first: one connection's
     * messages are processed in order, so {@code command.issued} is in the event log before any worker can claim
     * the command, and the log never shows an effect before its cause. A command larger than the NATS server takes
     * ({@code max_payload}) is not sent: in its place goes the {@code command.failed} event a worker would have
     * published ({@code call.error}, then {@code command.failed}), naming the size and the limit, so the step fails (or its policy decides) instead of the command
     * being re-issued for ever.
     */
    public CompletableFuture<Void> publish(List<Event> events, List<Command> commands) {
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>(events.size() + commands.size());
        for (Event e : events) {
            Headers headers = new Headers().put(Subjects.EVENT_TYPE_HEADER, e.eventType());
            acks.add(send(names.events(e.executionId()), headers, Json.bytes(e), e.natsMsgId(), 1));
        }
        long maxPayload = nc.getMaxPayload();
        for (Command c : commands) {
            byte[] body = Json.bytes(c);
            if (maxPayload > 0 && body.length > maxPayload) {
                for (String type : List.of(EventTypes.CALL_ERROR, EventTypes.COMMAND_FAILED)) {
                    Event failed = tooLarge(type, c, body.length, maxPayload);
                    Headers headers = new Headers().put(Subjects.EVENT_TYPE_HEADER, type);
                    acks.add(send(names.events(c.executionId()), headers, Json.bytes(failed), failed.natsMsgId(), 1));
                }
                LOG.warn("execution {} step {}: command of {} bytes not sent, over max_payload {}", c.executionId(),
                        c.step(), body.length, maxPayload);
                continue;
            }
            acks.add(send(names.commands(c.pool()), null, body, c.natsMsgId(), 1));
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    /** A worker's failure event for a command that cannot be sent: its JSON is over the server's payload limit. */
    static Event tooLarge(String type, Command c, long bytes, long maxPayload) {
        String message = "the command for step '" + c.step() + "' is " + bytes + " bytes, over the NATS server's "
                + "max_payload of " + maxPayload + " bytes: the step's template context (earlier results, workload, "
                + "ctx) is too large to send; keep large data out of step results and pass references instead, "
                + "or raise max_payload on the NATS server";
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("command_bytes", bytes);
        meta.put("max_payload", maxPayload);
        if (c.loopIndex() != null) {
            meta.put("loop_index", c.loopIndex());
        }
        return c.event(type)
                .status(Status.FAILED.name())
                .error(new ErrorInfo("CommandTooLarge", message, null, Boolean.FALSE,
                        ErrorClass.RESOURCE_EXHAUSTED.wireName()))
                .meta(meta)
                .build();
    }

    public CompletableFuture<Void> publishEvent(Event e) {
        return publish(List.of(e), List.of());
    }

    private CompletableFuture<PublishAck> send(String subject, Headers headers, byte[] body, String msgId, int attempt) {
        PublishOptions options = PublishOptions.builder().messageId(msgId).build();
        CompletableFuture<PublishAck> first;
        try {
            first = js.publishAsync(subject, headers, body, options).orTimeout(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            first = CompletableFuture.failedFuture(e);
        }
        return first.handle((ack, err) -> {
            if (err == null) {
                return CompletableFuture.completedFuture(ack);
            }
            if (attempt >= MAX_ATTEMPTS) {
                return CompletableFuture.<PublishAck>failedFuture(
                        new IllegalStateException("publish " + msgId + " to " + subject + " after " + attempt + " attempts", err));
            }
            long delay = Math.min(100L << attempt, 3_000L);
            LOG.warn("publish {} to {} failed (attempt {}), retrying in {} ms: {}", msgId, subject, attempt, delay, err.toString());
            CompletableFuture<PublishAck> retried = new CompletableFuture<>();
            retries.schedule(() -> send(subject, headers, body, msgId, attempt + 1).whenComplete((a, e) -> {
                if (e == null) {
                    retried.complete(a);
                } else {
                    retried.completeExceptionally(e);
                }
            }), delay, TimeUnit.MILLISECONDS);
            return retried;
        }).thenCompose(f -> f);
    }
}

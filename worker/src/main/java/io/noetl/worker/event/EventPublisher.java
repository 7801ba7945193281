package io.noetl.worker.event;

import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.noetl.schemas.Json;
import io.nats.client.impl.Headers;
import io.noetl.schemas.Names;
import io.noetl.schemas.Subjects;
import io.noetl.schemas.event.Event;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes events on {@code noetl.events.<execution_id>} without waiting, each with
 * {@code Nats-Msg-Id} = {@link Event#natsMsgId()}; {@link #awaitAll} then waits for the acks together.
 */
public final class EventPublisher {

    private final JetStream js;
    private final Names names;

    public EventPublisher(JetStream js, Names names) {
        this.js = js;
        this.names = names;
    }

    /** Starts publishing {@code event}; a failure to even send shows up as a failed future. */
    public CompletableFuture<PublishAck> publish(Event event) {
        PublishOptions options = PublishOptions.builder()
                .messageId(event.natsMsgId())
                .expectedStream(names.eventsStream())
                .build();
        try {
            Headers headers = new Headers().put(Subjects.EVENT_TYPE_HEADER, event.eventType());
            return js.publishAsync(names.events(event.executionId()), headers, Json.bytes(event), options);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Waits until every publish is acknowledged by the stream.
     *
     * @throws ExecutionException naming the first failure
     * @throws TimeoutException   when an ack did not arrive within {@code timeoutMs}
     */
    public static void awaitAll(List<CompletableFuture<PublishAck>> acks, long timeoutMs)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeoutMs, TimeUnit.MILLISECONDS);
    }
}

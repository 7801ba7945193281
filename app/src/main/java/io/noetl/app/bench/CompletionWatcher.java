package io.noetl.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.MessageConsumer;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.Subjects;
import io.noetl.schemas.event.EventTypes;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows the events stream (ordered consumer, new messages only) and remembers which executions ended and how,
 * so the benchmark waits on events instead of polling the API a thousand times.
 */
final class CompletionWatcher implements AutoCloseable {

    private static final Set<String> TERMINAL = Set.of(
            EventTypes.PLAYBOOK_COMPLETED, EventTypes.PLAYBOOK_FAILED, EventTypes.PLAYBOOK_CANCELLED);

    private final Map<String, String> ended = new ConcurrentHashMap<>();
    private final MessageConsumer consumer;

    CompletionWatcher(Connection nc, Names names) throws IOException, JetStreamApiException {
        this.consumer = nc.getStreamContext(names.eventsStream())
                .createOrderedConsumer(new OrderedConsumerConfiguration()
                        .filterSubject(names.eventsWildcard())
                        .deliverPolicy(DeliverPolicy.New))
                .consume(msg -> {
                    String header = msg.hasHeaders() ? msg.getHeaders().getFirst(Subjects.EVENT_TYPE_HEADER) : null;
                    if (header != null && !TERMINAL.contains(header)) {
                        return;
                    }
                    JsonNode event = Json.tree(msg.getData());
                    String type = event.path("event_type").asText();
                    if (TERMINAL.contains(type)) {
                        ended.put(event.path("execution_id").asText(), type);
                        synchronized (ended) {
                            ended.notifyAll();
                        }
                    }
                });
    }

    /** Waits until every one of {@code ids} ended; returns how many did not complete successfully. */
    long awaitAll(Collection<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (ended) {
            while (!ended.keySet().containsAll(ids)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    long done = ids.stream().filter(ended::containsKey).count();
                    throw new IllegalStateException("only " + done + " of " + ids.size()
                            + " executions ended within " + timeout);
                }
                ended.wait(Math.max(1, Math.min(200, left / 1_000_000)));
            }
        }
        return ids.stream().filter(id -> !EventTypes.PLAYBOOK_COMPLETED.equals(ended.get(id))).count();
    }

    @Override
    public void close() throws Exception {
        consumer.close();
    }
}

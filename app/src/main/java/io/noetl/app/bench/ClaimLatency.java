package io.noetl.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.StreamContext;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.event.EventTypes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Command issued → claimed latency, read after the run from the events stream with an ordered consumer: the
 * {@code command.issued} and {@code command.claimed} events that share a {@code command_id}.
 */
final class ClaimLatency {

    private ClaimLatency() {
    }

    /** Histogram in microseconds over the commands of {@code executionIds}. */
    static Histogram measure(Connection nc, Names names, Set<String> executionIds)
            throws IOException, JetStreamApiException, InterruptedException {
        Map<String, Instant> issued = new HashMap<>();
        Map<String, Instant> claimed = new HashMap<>();
        StreamContext stream = nc.getStreamContext(names.eventsStream());
        long last = stream.getStreamInfo().getStreamState().getLastSequence();
        OrderedConsumerConfiguration config = new OrderedConsumerConfiguration().filterSubject(names.eventsWildcard());
        try (IterableConsumer it = stream.createOrderedConsumer(config).iterate()) {
            while (last > 0) {
                Message msg = it.nextMessage(Duration.ofSeconds(3));
                if (msg == null) {
                    break;
                }
                collect(Json.tree(msg.getData()), executionIds, issued, claimed);
                if (msg.metaData().streamSequence() >= last) {
                    break;
                }
            }
        } catch (JetStreamStatusCheckedException e) {
            throw new IOException("read " + names.eventsStream(), e);
        } catch (Exception e) {
            if (e instanceof InterruptedException ie) {
                throw ie;
            }
            throw new IOException("read " + names.eventsStream(), e);
        }
        Histogram histogram = new Histogram(60_000_000L, 3);
        issued.forEach((commandId, at) -> {
            Instant claim = claimed.get(commandId);
            if (claim != null) {
                histogram.recordValue(Math.max(0, Duration.between(at, claim).toNanos() / 1_000));
            }
        });
        return histogram;
    }

    private static void collect(JsonNode event, Set<String> executionIds, Map<String, Instant> issued,
                                Map<String, Instant> claimed) {
        String type = event.path("event_type").asText();
        boolean isIssued = EventTypes.COMMAND_ISSUED.equals(type);
        if (!isIssued && !EventTypes.COMMAND_CLAIMED.equals(type)) {
            return;
        }
        if (!executionIds.contains(event.path("execution_id").asText()) || !event.hasNonNull("command_id")) {
            return;
        }
        Instant at = Instant.parse(event.path("timestamp").asText());
        // a re-issued or redelivered command keeps its first issue and first claim
        (isIssued ? issued : claimed).putIfAbsent(event.path("command_id").asText(), at);
    }
}

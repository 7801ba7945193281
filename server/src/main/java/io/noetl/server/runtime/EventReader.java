package io.noetl.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.OrderedConsumerContext;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one execution's events back from the events stream (ordered consumer on its subject). */
public final class EventReader {

    private static final Logger LOG = LoggerFactory.getLogger(EventReader.class);

    private final Connection nc;
    private final Names names;

    EventReader(Connection nc, Names names) {
        this.nc = nc;
        this.names = names;
    }

    /** Up to {@code max} events of the execution, in stream order. */
    public List<JsonNode> read(String executionId, int max) {
        List<JsonNode> out = new ArrayList<>();
        try {
            OrderedConsumerContext ordered = nc.getStreamContext(names.eventsStream())
                    .createOrderedConsumer(new OrderedConsumerConfiguration().filterSubject(names.events(executionId)));
            try (FetchConsumer fetch = ordered.fetch(FetchConsumeOptions.builder()
                    .maxMessages(max).noWaitExpiresIn(2_000).build())) {
                Message m;
                while (out.size() < max && (m = fetch.nextMessage()) != null) {
                    try {
                        out.add(Json.tree(m.getData()));
                    } catch (IllegalArgumentException bad) {
                        LOG.debug("skipping unreadable event on {}: {}", m.getSubject(), bad.getMessage());
                    }
                    if (m.metaData().pendingCount() == 0) {
                        break;
                    }
                }
            }
        } catch (IOException | JetStreamApiException | JetStreamStatusCheckedException e) {
            throw new ExecutionStore.StoreUnavailableException("read events of " + executionId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new ExecutionStore.StoreUnavailableException("read events of " + executionId, e);
        }
        return out;
    }
}

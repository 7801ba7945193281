package io.noetl.server.insight;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.stream.Alert;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts as they arrive on NATS {@code noetl.alerts.>} (published by the alert relay), handed to every listener —
 * the live alert streams of the API. Subscribes while at least one listener listens.
 */
public final class AlertFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);

    private final Connection nc;
    private final Names names;
    private final Set<Consumer<Alert>> listeners = new CopyOnWriteArraySet<>();
    private Dispatcher dispatcher;

    public AlertFeed(Connection nc, Names names) {
        this.nc = nc;
        this.names = names;
    }

    /** Hands every alert to {@code listener} until it is removed. */
    public synchronized void add(Consumer<Alert> listener) {
        listeners.add(listener);
        if (dispatcher == null) {
            dispatcher = nc.createDispatcher(this::deliver);
            dispatcher.subscribe(names.alertsWildcard());
            LOG.info("alert feed subscribed to {}", names.alertsWildcard());
        }
    }

    public synchronized void remove(Consumer<Alert> listener) {
        listeners.remove(listener);
        if (listeners.isEmpty() && dispatcher != null) {
            nc.closeDispatcher(dispatcher);
            dispatcher = null;
        }
    }

    private void deliver(Message msg) {
        Alert alert;
        try {
            alert = Json.read(msg.getData(), Alert.class);
        } catch (RuntimeException e) {
            LOG.warn("alert on {} not readable, not streamed: {}", msg.getSubject(), e.getMessage());
            return;
        }
        for (Consumer<Alert> l : listeners) {
            try {
                l.accept(alert);
            } catch (RuntimeException e) {
                LOG.debug("alert listener failed: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        listeners.clear();
        if (dispatcher != null && nc.getStatus() == Connection.Status.CONNECTED) {
            nc.closeDispatcher(dispatcher);
        }
        dispatcher = null;
    }
}

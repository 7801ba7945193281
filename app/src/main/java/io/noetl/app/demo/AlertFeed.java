package io.noetl.app.demo;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.stream.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Live alerts: a plain NATS subscription on {@code noetl.alerts.>} (what the alert relay publishes to JetStream),
 * each alert handed to a printer as one {@link AlertLine} as it arrives and kept for {@link #await}. Only alerts
 * published while subscribed are seen.
 */
public final class AlertFeed implements AutoCloseable {

    /** Alerts kept for {@link #await}; older ones are forgotten. */
    static final int KEPT = 1000;

    private final Connection nc;
    private final Dispatcher dispatcher;
    private final Consumer<String> printer;
    private final List<Alert> received = new ArrayList<>();

    private AlertFeed(Connection nc, Consumer<String> printer) {
        this.nc = nc;
        this.printer = printer;
        this.dispatcher = nc.createDispatcher(this::onMessage);
    }

    /**
     * Subscribes on {@code names.alertsWildcard()}.
     *
     * @param printer receives one line per alert (an unreadable alert gets a line naming its subject)
     */
    public static AlertFeed start(Connection nc, Names names, Consumer<String> printer) {
        AlertFeed feed = new AlertFeed(nc, printer);
        feed.dispatcher.subscribe(names.alertsWildcard());
        return feed;
    }

    private void onMessage(Message msg) {
        Alert alert;
        try {
            alert = Json.read(msg.getData(), Alert.class);
        } catch (IllegalArgumentException e) {
            String body = new String(msg.getData(), StandardCharsets.UTF_8);
            printer.accept("[ALERT ?] unreadable alert on " + msg.getSubject() + ": "
                    + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
            return;
        }
        printer.accept(AlertLine.format(alert));
        synchronized (received) {
            if (received.size() == KEPT) {
                received.remove(0);
            }
            received.add(alert);
            received.notifyAll();
        }
    }

    /** Alerts received so far, oldest first (at most {@value #KEPT}). */
    public List<Alert> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The first alert received (before or during the wait) that matches, or empty after {@code timeout}. */
    public Optional<Alert> await(Predicate<Alert> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                for (Alert a : received) {
                    if (match.test(a)) {
                        return Optional.of(a);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public void close() {
        if (nc.getStatus() != Connection.Status.CLOSED) {
            nc.closeDispatcher(dispatcher);
        }
    }
}

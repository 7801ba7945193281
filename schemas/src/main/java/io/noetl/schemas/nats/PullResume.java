package io.noetl.schemas.nats;

import io.nats.client.ConnectionListener;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStreamApiException;
import io.nats.client.MessageConsumer;
import io.nats.client.MessageHandler;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable pull consumers' answer to a reconnect: a restarted nats-server has forgotten the outstanding pull
 * request, and the client would wait for messages that never come, so the pull is opened afresh, retrying
 * {@value #FIRST_WAIT_MS} ms apart at first, doubling up to {@value #MAX_WAIT_MS} ms, until it works or its owner
 * stops.
 */
public final class PullResume {

    /** Pause after the first failed attempt. */
    public static final long FIRST_WAIT_MS = 200;
    /** Longest pause between attempts. */
    public static final long MAX_WAIT_MS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(PullResume.class);

    private PullResume() {
    }

    /** A listener that runs {@code resume} on a virtual thread named {@code threadName} after every reconnect. */
    public static ConnectionListener onReconnect(String threadName, Runnable resume) {
        return (conn, event) -> {
            if (event == ConnectionListener.Events.RECONNECTED) {
                Thread.ofVirtual().name(threadName).start(resume);
            }
        };
    }

    /**
     * Stops {@code old} (when not null) and opens a fresh pull on {@code context}, retrying until it works.
     *
     * @param what    names what is pulled in the logs, e.g. {@code events}
     * @param stopped whether the owner stopped; no attempt is made once it has
     * @return the fresh consumer, or null when the owner stopped or the thread was interrupted first (its
     *         interrupt flag is then set again)
     */
    public static MessageConsumer reopen(MessageConsumer old, ConsumerContext context, ConsumeOptions options,
            MessageHandler handler, BooleanSupplier stopped, String what) {
        long waitMs = FIRST_WAIT_MS;
        while (!stopped.getAsBoolean()) {
            try {
                if (old != null) {
                    old.stop();
                }
                MessageConsumer fresh = context.consume(options, handler);
                LOG.info("resumed pulling {} after a reconnect", what);
                return fresh;
            } catch (IOException | JetStreamApiException | RuntimeException e) {
                LOG.warn("resume pulling {} failed, retrying in {} ms: {}", what, waitMs, e.toString());
            }
            try {
                Thread.sleep(waitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            waitMs = Math.min(MAX_WAIT_MS, waitMs * 2);
        }
        return null;
    }
}

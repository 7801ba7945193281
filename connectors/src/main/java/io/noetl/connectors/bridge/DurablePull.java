package io.noetl.connectors.bridge;

import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.StreamContext;
import io.nats.client.api.ConsumerConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loop of batched pulls from a durable JetStream consumer on a thread of its own, handing each message to a
 * {@link Handler}. It heals itself: when the stream does not exist yet, the consumer was lost, or the connection
 * dropped (a restarted nats-server forgets outstanding pulls), it binds the consumer again and goes on pulling,
 * with a growing pause between attempts. Each pull ends when its batch is full or its expiry passes, so a stop
 * takes effect within one expiry; the messages of the last pull are still handed over.
 *
 * <p>A pull asks only for as many messages as the handler has {@linkplain #start room} for, and the handler must
 * not block long: the client gives up a pull whose messages are not taken for 1.5 × its expiry (missed
 * heartbeats), and what that pull still held is redelivered only after the consumer's ack wait.
 */
public final class DurablePull implements AutoCloseable {

    /** Receives every pulled message on the pull thread; it owns the message's ack. */
    @FunctionalInterface
    public interface Handler {
        void handle(Message msg) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DurablePull.class);
    private static final long MIN_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final Connection nc;
    private final String stream;
    private final ConsumerConfiguration config;
    private final Handler handler;
    private final IntSupplier room;
    private final int batch;
    private final long expiryMs;
    private final Thread thread;
    private volatile boolean stopping;
    private ConsumerContext context;

    private DurablePull(Connection nc, String stream, ConsumerConfiguration config, int batch, Duration expiry,
                        IntSupplier room, Handler handler, String threadName) {
        this.nc = nc;
        this.stream = stream;
        this.config = config;
        this.batch = batch;
        this.expiryMs = expiry.toMillis();
        this.room = room;
        this.handler = handler;
        this.thread = Thread.ofPlatform().name(threadName).daemon().unstarted(this::run);
    }

    /**
     * Starts pulling {@code config}'s durable consumer (created or updated on {@code stream}) in batches of at most
     * {@code batch} messages and at most {@code room.getAsInt()} (how many more the handler can take without
     * blocking; the pulling pauses while it is 0), each pull waiting at most {@code expiry}.
     */
    public static DurablePull start(Connection nc, String stream, ConsumerConfiguration config, int batch,
                                    Duration expiry, IntSupplier room, Handler handler, String threadName) {
        if (expiry.toMillis() < 1_000) {
            throw new IllegalArgumentException("pull expiry must be at least 1 s, got " + expiry);
        }
        DurablePull pull = new DurablePull(nc, stream, config, batch, expiry, room, handler, threadName);
        pull.thread.start();
        return pull;
    }

    /** Asks the loop to end after the current pull. */
    public void stop() {
        stopping = true;
    }

    /** Waits up to {@code timeout} for the loop to end; false if it still runs. */
    public boolean await(Duration timeout) throws InterruptedException {
        thread.join(timeout);
        return !thread.isAlive();
    }

    /** Stops and waits for the last pull's messages to be handed over (at most the pull expiry and a second). */
    @Override
    public void close() {
        stop();
        try {
            if (!await(Duration.ofMillis(expiryMs + 1_000))) {
                thread.interrupt();
                await(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long backoffMs = MIN_BACKOFF_MS;
        long lastWaitLog = 0;
        while (!stopping) {
            if (nc.getStatus() == Connection.Status.CLOSED) {
                LOG.error("NATS connection closed; pulling {} of {} ends", config.getDurable(), stream);
                return;
            }
            if (nc.getStatus() != Connection.Status.CONNECTED) {
                // a pull sent now would sit in the reconnect buffer and reach the server after we gave up on it
                if (!pause(MIN_BACKOFF_MS)) {
                    return;
                }
                continue;
            }
            int size = Math.min(batch, room.getAsInt());
            if (size < 1) {
                if (!pause(1)) {
                    return;
                }
                continue;
            }
            try {
                pullOnce(size);
                backoffMs = MIN_BACKOFF_MS;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (JetStreamApiException | JetStreamStatusCheckedException | IOException | RuntimeException e) {
                context = null;
                long now = System.currentTimeMillis();
                if (now - lastWaitLog > 10_000) {
                    LOG.warn("pulling {} of {} failed, binding again in {} ms: {}", config.getDurable(), stream,
                            backoffMs, e.toString());
                    lastWaitLog = now;
                }
            }
            if (!pause(backoffMs)) {
                return;
            }
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        }
    }

    private void pullOnce(int size) throws IOException, JetStreamApiException, JetStreamStatusCheckedException,
            InterruptedException {
        if (context == null) {
            StreamContext streamContext = nc.getStreamContext(stream);
            context = streamContext.createOrUpdateConsumer(config);
            LOG.info("pulling {} of {} (up to {} messages per pull)", config.getDurable(), stream, batch);
        }
        FetchConsumeOptions options = FetchConsumeOptions.builder().maxMessages(size).expiresIn(expiryMs).build();
        FetchConsumer fetch = context.fetch(options);
        try {
            Message msg;
            while ((msg = fetch.nextMessage()) != null) {
                handler.handle(msg);
            }
        } finally {
            closeQuietly(fetch);
        }
    }

    private static void closeQuietly(FetchConsumer fetch) {
        try {
            fetch.close();
        } catch (Exception e) {
            // the pull is over either way; its subscription goes with the connection at worst
            LOG.debug("closing a finished pull: {}", e.toString());
        }
    }

    private boolean pause(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

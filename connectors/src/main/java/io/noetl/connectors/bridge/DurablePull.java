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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loop of batched pulls from a durable JetStream consumer on a thread of its own, handing each message to a
 * {@link Handler}. It heals itself: when the stream does not exist yet, the consumer was lost, or the connection
 * dropped (a restarted nats-server forgets outstanding pulls), it binds the consumer again and goes on pulling,
 * with a growing pause between attempts. Each pull ends when its batch is full or its expiry passes, so a stop
 * takes effect within one expiry; the messages of the last pull are still handed over.
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
    private final FetchConsumeOptions options;
    private final Handler handler;
    private final Thread thread;
    private volatile boolean stopping;
    private ConsumerContext context;

    private DurablePull(Connection nc, String stream, ConsumerConfiguration config, int batch, Duration expiry,
                        Handler handler, String threadName) {
        this.nc = nc;
        this.stream = stream;
        this.config = config;
        this.options = FetchConsumeOptions.builder().maxMessages(batch).expiresIn(expiry.toMillis()).build();
        this.handler = handler;
        this.thread = Thread.ofPlatform().name(threadName).daemon().unstarted(this::run);
    }

    /**
     * Starts pulling {@code config}'s durable consumer (created or updated on {@code stream}) in batches of
     * {@code batch} messages, each pull waiting at most {@code expiry}.
     */
    public static DurablePull start(Connection nc, String stream, ConsumerConfiguration config, int batch,
                                    Duration expiry, Handler handler, String threadName) {
        DurablePull pull = new DurablePull(nc, stream, config, batch, expiry, handler, threadName);
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
            if (!await(Duration.ofMillis(options.getExpiresInMillis() + 1_000))) {
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
            try {
                pullOnce();
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

    private void pullOnce() throws IOException, JetStreamApiException, JetStreamStatusCheckedException,
            InterruptedException {
        if (context == null) {
            StreamContext streamContext = nc.getStreamContext(stream);
            context = streamContext.createOrUpdateConsumer(config);
            LOG.info("pulling {} of {} ({} messages per pull)", config.getDurable(), stream, options.getMaxMessages());
        }
        try (FetchConsumer fetch = context.fetch(options)) {
            Message msg;
            while ((msg = fetch.nextMessage()) != null) {
                handler.handle(msg);
            }
        } catch (IOException | JetStreamApiException | JetStreamStatusCheckedException | InterruptedException
                 | RuntimeException e) {
            throw e;
        } catch (Exception closing) {
            LOG.debug("closing a finished pull: {}", closing.toString());
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

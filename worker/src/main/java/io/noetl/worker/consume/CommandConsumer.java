package io.noetl.worker.consume;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.StreamContext;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.noetl.schemas.Names;
import io.noetl.schemas.nats.PullResume;
import io.noetl.worker.redact.Redactor;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool's durable pull consumer: waits for the commands stream, binds {@code noetl-worker-<pool>} and hands
 * each command to a virtual thread, at most {@code concurrency} at a time (the dispatcher blocks when all
 * permits are taken, so no more is pulled than can run).
 */
public final class CommandConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(CommandConsumer.class);
    private static final long PULL_EXPIRES_MS = 5_000;

    private final Connection connection;
    private final Names names;
    private final String pool;
    private final int concurrency;
    private final Duration ackWait;
    private final CommandHandler handler;
    private final Semaphore permits;
    private final ConnectionListener onReconnect = PullResume.onReconnect("resume-pull", this::resume);
    private volatile MessageConsumer consumer;
    private volatile ConsumerContext context;
    private volatile ConsumeOptions options;
    private volatile boolean stopped;

    public CommandConsumer(Connection connection, Names names, String pool, int concurrency, Duration ackWait,
                           CommandHandler handler) {
        this.connection = connection;
        this.names = names;
        this.pool = pool;
        this.concurrency = concurrency;
        this.ackWait = ackWait;
        this.handler = handler;
        this.permits = new Semaphore(concurrency);
    }

    /** Waits (retrying, logging) for the commands stream, then starts consuming. */
    public void start() throws InterruptedException, IOException {
        StreamContext stream = awaitStream();
        ConsumerConfiguration config = ConsumerConfiguration.builder()
                .durable(names.workerConsumer(pool))
                .filterSubject(names.commands(pool))
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(ackWait)
                .maxAckPending(Math.max(1024, concurrency * 4L))
                .build();
        try {
            context = stream.createOrUpdateConsumer(config);
        } catch (JetStreamApiException e) {
            throw new IOException("create consumer " + names.workerConsumer(pool), e);
        }
        options = ConsumeOptions.builder()
                .batchSize(concurrency)
                .expiresIn(PULL_EXPIRES_MS)
                .build();
        try {
            consumer = context.consume(options, this::dispatch);
        } catch (JetStreamApiException e) {
            throw new IOException("consume " + names.workerConsumer(pool), e);
        }
        connection.addConnectionListener(onReconnect);
        LOG.info("consuming {} as {} (concurrency {}, ack wait {})", names.commands(pool),
                names.workerConsumer(pool), concurrency, ackWait);
    }

    /**
     * After a reconnect the server may have forgotten the outstanding pull request (a restarted nats-server does),
     * and the client would then wait for messages that never come: open a fresh pull, retrying until it works.
     */
    private synchronized void resume() {
        MessageConsumer fresh = PullResume.reopen(consumer, context, options, this::dispatch, () -> stopped,
                names.commands(pool));
        if (fresh != null) {
            consumer = fresh;
        }
    }

    private void dispatch(Message msg) throws InterruptedException {
        permits.acquire();
        Thread.ofVirtual().name("cmd-", 0).start(() -> {
            try {
                handler.handle(msg);
            } catch (InterruptedException e) {
                LOG.info("command handling interrupted (worker stopping); it will be redelivered");
            } catch (RuntimeException e) {
                // keychain values are not known here; credential-looking text is still masked before logging
                LOG.error("unexpected failure handling a command; it will be redelivered: {}",
                        Redactor.patternsOnly().text(stackOf(e)));
            } finally {
                permits.release();
            }
        });
    }

    private static String stackOf(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    private StreamContext awaitStream() throws InterruptedException, IOException {
        long waitMs = 100;
        long lastLog = 0;
        while (true) {
            try {
                return connection.getStreamContext(names.commandsStream());
            } catch (JetStreamApiException e) {
                long now = System.currentTimeMillis();
                if (now - lastLog > 10_000) {
                    LOG.info("waiting for stream {} ({})", names.commandsStream(), e.getMessage());
                    lastLog = now;
                }
            } catch (IOException e) {
                LOG.warn("cannot look up stream {}: {}", names.commandsStream(), e.toString());
            }
            Thread.sleep(waitMs);
            waitMs = Math.min(2_000, waitMs * 2);
        }
    }

    /** Stops pulling; commands already delivered keep running. */
    public void stop() {
        stopped = true;
        connection.removeConnectionListener(onReconnect);
        MessageConsumer c = consumer;
        if (c != null) {
            c.stop();
        }
    }

    /** Waits up to {@code timeout} until no command is running; false when some still are. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (permits.tryAcquire(concurrency, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.release(concurrency);
            return true;
        }
        return false;
    }

    /** Releases the subscription. */
    public void close() {
        MessageConsumer c = consumer;
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing the consumer: {}", e.toString());
            }
        }
    }
}

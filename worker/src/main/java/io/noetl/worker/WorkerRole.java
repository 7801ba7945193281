package io.noetl.worker;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.noetl.schemas.nats.NatsConnections;
import io.noetl.worker.cancel.CancelRegistry;
import io.noetl.worker.consume.CommandConsumer;
import io.noetl.worker.consume.CommandHandler;
import io.noetl.worker.event.EventPublisher;
import io.noetl.worker.keychain.KeychainResolver;
import io.noetl.worker.tool.ToolExecutor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker role: pulls commands of one pool, runs tools, emits events. {@link #start} returns at once; a
 * background thread connects (retrying forever), waits for the commands stream and starts consuming.
 */
public final class WorkerRole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerRole.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final WorkerConfig config;
    private final CancelRegistry cancels = new CancelRegistry();
    private final ScheduledExecutorService ticker;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread starter;
    private volatile Connection connection;
    private volatile CommandConsumer consumer;
    private volatile boolean closed;

    private WorkerRole(WorkerConfig config) {
        this.config = config;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "noetl-worker-in-progress");
            t.setDaemon(true);
            return t;
        });
        this.starter = Thread.ofPlatform().daemon().name("noetl-worker-start").unstarted(this::run);
    }

    /** Connects to NATS, waits for the commands stream, and starts pulling (in the background). */
    public static WorkerRole start(WorkerConfig config) {
        WorkerRole role = new WorkerRole(config);
        role.starter.start();
        return role;
    }

    /** Waits until the worker is consuming; false when {@code timeout} passed first. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The id this worker writes into events. */
    public String workerId() {
        return config.workerId();
    }

    private void run() {
        try {
            Connection nc = NatsConnections.connect(config.natsUrl(), "noetl-worker " + config.workerId());
            connection = nc;
            Dispatcher cancelDispatcher = nc.createDispatcher(msg -> {
                String subject = msg.getSubject();
                String executionId = subject.substring(subject.lastIndexOf('.') + 1);
                int n = cancels.cancel(executionId);
                LOG.info("cancel of execution {}: stopped {} running tool(s)", executionId, n);
            });
            cancelDispatcher.subscribe(config.names().cancelWildcard());
            ToolExecutor executor = new ToolExecutor(Tools.all(config, () -> connection),
                    new KeychainResolver(config.env()), config.defaultTimeout(), cancels);
            CommandHandler handler = new CommandHandler(executor, new EventPublisher(nc.jetStream(), config.names()),
                    ticker, config.workerId(), config.ackWait());
            CommandConsumer c = new CommandConsumer(nc, config.names(), config.pool(), config.concurrency(),
                    config.ackWait(), handler);
            c.start();
            consumer = c;
            ready.countDown();
            if (closed) {
                c.stop();
            }
        } catch (InterruptedException e) {
            LOG.info("worker {} stopped before it was ready", config.workerId());
        } catch (Exception e) {
            if (closed || Thread.currentThread().isInterrupted()) {
                LOG.info("worker {} stopped before it was ready", config.workerId());
            } else {
                LOG.error("worker {} failed to start", config.workerId(), e);
            }
        }
    }

    /** Clean drain: stop pulling, let running tools finish (bounded), then disconnect. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        starter.interrupt();
        CommandConsumer c = consumer;
        try {
            if (c != null) {
                c.stop();
                if (!c.awaitIdle(DRAIN_TIMEOUT)) {
                    LOG.warn("worker {}: tools still running after {}; they will be redelivered",
                            config.workerId(), DRAIN_TIMEOUT);
                    cancels.cancelAll();
                }
                c.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeConnection();
            ticker.shutdownNow();
            LOG.info("worker {} closed", config.workerId());
        }
    }

    /** Abrupt stop, as a crash: closes the connection without acking, then kills running tools. For tests. */
    void abort() {
        closed = true;
        starter.interrupt();
        closeConnection();
        cancels.cancelAll();
        ticker.shutdownNow();
    }

    private void closeConnection() {
        Connection nc = connection;
        if (nc != null) {
            try {
                nc.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

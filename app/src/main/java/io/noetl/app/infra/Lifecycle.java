package io.noetl.app.infra;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a foreground command started, closed in reverse order exactly once: on Ctrl-C (one shutdown hook, so
 * roles close before the NATS server they use) or when the command ends.
 */
public final class Lifecycle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean closing;

    /** Registers {@code resource} to be closed before everything added earlier. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        if (closing) {
            closeQuietly(resource);
            throw new IllegalStateException("shutting down");
        }
        resources.push(resource);
        return resource;
    }

    /** Closes everything when the JVM is asked to stop (Ctrl-C, SIGTERM). */
    public Lifecycle closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "noetl-shutdown"));
        return this;
    }

    /** Blocks until {@link #close()} ran (from the shutdown hook or another thread). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        AutoCloseable next;
        while ((next = poll()) != null) {
            closeQuietly(next);
        }
        closed.countDown();
    }

    private synchronized AutoCloseable poll() {
        return resources.poll();
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            // shutting down: report and go on closing the rest
            LOG.warn("closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
        }
    }
}

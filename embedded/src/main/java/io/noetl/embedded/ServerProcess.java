package io.noetl.embedded;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process of a local server that its launcher stops and starts again: at most one at a time, awaited after
 * each start (and stopped when it does not become ready), stopped with {@link ChildProcesses#stop}. Thread-safe.
 */
public final class ServerProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);

    private final String what;
    private final Duration stopTimeout;
    private Process process;

    /**
     * @param what        names the server in logs, e.g. {@code nats-server at nats://127.0.0.1:4222}
     * @param stopTimeout how long a stop waits for a clean exit before it kills the process
     */
    public ServerProcess(String what, Duration stopTimeout) {
        this.what = what;
        this.stopTimeout = stopTimeout;
    }

    /**
     * Starts the process and waits until it is ready. When waiting fails the process is stopped and the failure
     * thrown as it came.
     *
     * @param start      starts the process
     * @param awaitReady returns once the process serves; throws when it exits or does not serve in time
     * @return the started process
     */
    public synchronized Process start(Supplier<Process> start, Consumer<Process> awaitReady) {
        process = start.get();
        try {
            awaitReady.accept(process);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        return process;
    }

    /** Stops the process (a kill after the stop timeout); does nothing when there is none. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        boolean wasRunning = p.isAlive();
        ChildProcesses.stop(p, stopTimeout, what);
        if (wasRunning) {
            LOG.info("stopped {}", what);
        }
    }

    /** Kills the process at once, waiting up to the stop timeout for it to go; does nothing when there is none. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        p.destroyForcibly();
        try {
            p.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the process is alive. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }
}

package io.noetl.embedded.nats;

import io.noetl.embedded.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code nats-server -js -a 127.0.0.1 -p PORT -sd DIR} child process: JetStream on a loopback port, its store in
 * a folder that also holds its log, {@code nats-server.log}. {@link #stop()} then {@link #launch()} restarts it on
 * the same port and store, with every stream.
 */
public final class NatsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NatsServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Path binary;
    private final int port;
    private final Path storeDir;
    private Process process;

    private NatsServer(Path binary, int port, Path storeDir) {
        this.binary = binary;
        this.port = port;
        this.storeDir = storeDir;
    }

    /**
     * Starts {@code binary} on {@code port} with its JetStream store in {@code storeDir} (created when missing) and
     * waits until it greets clients.
     *
     * @throws IllegalStateException when it exits or does not answer within 15 s, naming its log
     */
    public static NatsServer open(Path binary, int port, Path storeDir) {
        NatsServer server = new NatsServer(binary, port, storeDir.toAbsolutePath());
        server.launch();
        return server;
    }

    /** Starts the server (again, after {@link #stop()}) on the same port and store; does nothing when running. */
    public synchronized void launch() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(storeDir);
            process = new ProcessBuilder(binary.toString(), "-js", "-a", "127.0.0.1", "-p", String.valueOf(port),
                    "-sd", storeDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("start " + binary + " on port " + port, e);
        }
        try {
            awaitGreeting();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("nats-server up at {} (store {})", url(), storeDir);
    }

    private void awaitGreeting() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nats-server exited with code " + process.exitValue() + "; see "
                        + log() + ", last lines:\n" + ChildProcesses.tail(log(), 20));
            }
            if (NatsProbe.answers(url(), Duration.ofMillis(200))) {
                return;
            }
            ChildProcesses.pause(25, "nats-server at " + url());
        }
        throw new IllegalStateException("nats-server did not listen at " + url() + " within " + START_TIMEOUT
                + "; see " + log());
    }

    /** Stops the server (a kill after 5 s), keeping its store; does nothing when stopped. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        boolean wasRunning = p.isAlive();
        ChildProcesses.stop(p, STOP_TIMEOUT, "nats-server at " + url());
        if (wasRunning) {
            LOG.info("stopped nats-server at {}", url());
        }
    }

    /** Whether the server process is alive. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code nats://127.0.0.1:<port>}. */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The JetStream store, which also holds {@code nats-server.log}. */
    public Path storeDir() {
        return storeDir;
    }

    private Path log() {
        return storeDir.resolve("nats-server.log");
    }

    /** Stops the server as {@link #stop()} does; the store stays. */
    @Override
    public void close() {
        stop();
    }
}

package io.noetl.embedded.nats;

import io.noetl.embedded.ChildProcesses;
import io.noetl.embedded.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    private final ServerProcess process;

    private NatsServer(Path binary, int port, Path storeDir) {
        this.binary = binary;
        this.port = port;
        this.storeDir = storeDir;
        this.process = new ServerProcess("nats-server at " + url(), STOP_TIMEOUT);
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
        // the log lies in the store folder, so starting creates the store folder too
        process.start(() -> ChildProcesses.start(List.of(binary.toString(), "-js", "-a", "127.0.0.1", "-p",
                String.valueOf(port), "-sd", storeDir.toString()), null, log(), binary + " on port " + port),
                this::awaitGreeting);
        LOG.info("nats-server up at {} (store {})", url(), storeDir);
    }

    private void awaitGreeting(Process server) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("nats-server exited with code " + server.exitValue() + "; see "
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
        process.stop();
    }

    /** Whether the server process is alive. */
    public boolean isRunning() {
        return process.isRunning();
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

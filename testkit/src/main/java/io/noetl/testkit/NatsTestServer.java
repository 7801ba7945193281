package io.noetl.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private {@code nats-server -js} on a free loopback port, with its JetStream store in a temp folder.
 * {@link #shared()} gives one per test JVM (tests use unique stream/bucket names or purge what they use);
 * {@link #start()} gives a separate one for tests that stop and restart the server.
 */
public final class NatsTestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NatsTestServer.class);
    private static NatsTestServer shared;

    private final int port;
    private final Path storeDir;
    private Process process;

    private NatsTestServer(int port, Path storeDir) {
        this.port = port;
        this.storeDir = storeDir;
    }

    /** The JVM-wide server, started on first use and stopped at JVM exit. */
    public static synchronized NatsTestServer shared() {
        if (shared == null) {
            shared = start();
            NatsTestServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        }
        return shared;
    }

    /** A new server of its own; the caller closes it. */
    public static NatsTestServer start() {
        try {
            NatsTestServer server = new NatsTestServer(FreePort.find(), Files.createTempDirectory("nats-test"));
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("create nats-server store dir", e);
        }
    }

    public static String binary() {
        for (String candidate : List.of("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        String env = System.getenv("NATS_SERVER_BIN");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return env;
        }
        throw new IllegalStateException("nats-server not found: install it with 'apt-get install -y nats-server' "
                + "or set NATS_SERVER_BIN");
    }

    /** Starts the process again on the same port and store (after {@link #stop()}), as a broker restart does. */
    public synchronized void launch() {
        try {
            process = new ProcessBuilder(binary(), "-js", "-a", "127.0.0.1", "-p", String.valueOf(port),
                    "-sd", storeDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(storeDir.resolve("nats.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("start nats-server on port " + port, e);
        }
        awaitPort(Duration.ofSeconds(10));
        LOG.info("nats-server up on port {} (store {})", port, storeDir);
    }

    /** Stops the process, keeping its store, so {@link #launch()} brings the same streams back. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitPort(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nats-server exited with " + process.exitValue()
                        + "; see " + storeDir.resolve("nats.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                // not listening yet; poll again
                sleep(20);
            }
        }
        throw new IllegalStateException("nats-server did not listen on port " + port + " within " + timeout);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

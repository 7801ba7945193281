package io.noetl.testkit;

import io.noetl.embedded.LoopbackPorts;
import io.noetl.embedded.nats.NatsServer;
import io.noetl.embedded.nats.NatsServerBinary;

/**
 * A private {@code nats-server -js} ({@link NatsServer}) on a free loopback port, with its JetStream store in a
 * temp folder. {@link #shared()} gives one per test JVM (tests use unique stream/bucket names or purge what they
 * use); {@link #start()} gives a separate one for tests that stop and restart the server.
 */
public final class NatsTestServer implements AutoCloseable {

    private static final PerJvm<NatsTestServer> SHARED = new PerJvm<>(NatsTestServer::start, NatsTestServer::close,
            "nats-test-server-stop");

    private final NatsServer server;

    private NatsTestServer(NatsServer server) {
        this.server = server;
    }

    /** The JVM-wide server, started on first use and stopped at JVM exit. */
    public static NatsTestServer shared() {
        return SHARED.get();
    }

    /** A new server of its own; the caller closes it. */
    public static NatsTestServer start() {
        return new NatsTestServer(NatsServer.open(NatsServerBinary.require(System.getenv()), LoopbackPorts.free(),
                TempDirs.create("nats-test")));
    }

    /** Starts the process again on the same port and store (after {@link #stop()}), as a broker restart does. */
    public void launch() {
        server.launch();
    }

    /** Stops the process, keeping its store, so {@link #launch()} brings the same streams back. */
    public void stop() {
        server.stop();
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return server.url();
    }

    /** Stops the server and deletes its JetStream data ({@code nats-server.log} stays for a post-mortem). */
    @Override
    public void close() {
        server.close();
        TempDirs.delete(server.storeDir().resolve("jetstream"));
    }
}

package io.noetl.testkit;

import io.noetl.embedded.clickhouse.ClickHouseBinary;
import io.noetl.embedded.clickhouse.LocalClickHouseServer;
import java.nio.file.Path;

/**
 * A private {@code clickhouse-server} ({@link LocalClickHouseServer}) on free loopback ports, with its folder in a
 * temp folder. {@link #shared()} gives one per test JVM (tests use a database of their own); {@link #start()} gives
 * a separate one for tests that stop and restart the server.
 */
public final class ClickHouseTestServer implements AutoCloseable {

    private static final PerJvm<ClickHouseTestServer> SHARED = new PerJvm<>(ClickHouseTestServer::start,
            ClickHouseTestServer::close, "clickhouse-test-server-stop");

    private final LocalClickHouseServer server;

    private ClickHouseTestServer(LocalClickHouseServer server) {
        this.server = server;
    }

    /** The JVM-wide server, started on first use and closed at JVM exit. */
    public static ClickHouseTestServer shared() {
        return SHARED.get();
    }

    /**
     * A new server of its own; the caller closes it.
     *
     * @throws IllegalStateException when the server binary is missing, naming the package to install
     */
    public static ClickHouseTestServer start() {
        Path binary = ClickHouseBinary.resolve(System.getenv());
        return new ClickHouseTestServer(LocalClickHouseServer.open(binary, TempDirs.create("noetl-clickhouse")));
    }

    /** @return the HTTP endpoint, e.g. {@code http://127.0.0.1:41234} */
    public String url() {
        return server.url();
    }

    /** Starts the server again on the same folder and ports (after {@link #stop()}), with its data. */
    public void launch() {
        server.start();
    }

    /** Stops the server, keeping its data, so {@link #launch()} brings the same tables back. */
    public void stop() {
        server.stop();
    }

    /** Kills the server and deletes its folder. */
    @Override
    public void close() {
        server.close();
        TempDirs.delete(server.dir());
    }
}

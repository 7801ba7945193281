package io.noetl.embedded.clickhouse;

import io.noetl.embedded.ChildProcesses;
import io.noetl.embedded.LoopbackPorts;
import io.noetl.embedded.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private {@code clickhouse-server} child process on loopback ports (HTTP, native TCP, interserver), with its
 * data, temporary files, logs and configuration in one folder. It never uses the ports or data of a system
 * ClickHouse service. {@link #stop()} and {@link #start()} restart it on the same folder and ports, with the data;
 * {@link #close()} kills it and leaves the folder to its owner.
 */
public final class LocalClickHouseServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalClickHouseServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final int LOG_LINES_IN_ERRORS = 20;

    private final Path binary;
    private final ClickHouseConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ServerProcess process;

    private LocalClickHouseServer(Path binary, ClickHouseConfig config) {
        this.binary = binary;
        this.config = config;
        this.process = new ServerProcess("ClickHouse server at " + url(), STOP_TIMEOUT);
    }

    /** As {@link #open(Path, Path, int, int, int)} on three free loopback ports. */
    public static LocalClickHouseServer open(Path binary, Path dir) {
        int[] ports = LoopbackPorts.freeBlock(3);
        return open(binary, dir, ports[0], ports[1], ports[2]);
    }

    /**
     * Writes the configuration into {@code dir} (created when missing), starts {@code binary} and waits until it
     * answers {@code /ping}.
     *
     * @param binary the server, e.g. from {@link ClickHouseBinary#resolve}
     * @throws IllegalStateException when the server exits or does not answer within 30 s, with its log
     */
    public static LocalClickHouseServer open(Path binary, Path dir, int httpPort, int tcpPort, int interserverPort) {
        ClickHouseConfig config = new ClickHouseConfig(dir.toAbsolutePath(), httpPort, tcpPort, interserverPort);
        config.write();
        LocalClickHouseServer server = new LocalClickHouseServer(binary, config);
        server.start();
        return server;
    }

    /** @return the HTTP endpoint, e.g. {@code http://127.0.0.1:41234} */
    public String url() {
        return "http://127.0.0.1:" + config.httpPort();
    }

    public int httpPort() {
        return config.httpPort();
    }

    public int tcpPort() {
        return config.tcpPort();
    }

    /** @return the folder holding configuration, data and logs */
    public Path dir() {
        return config.dir();
    }

    /** Starts the server (again, after {@link #stop()}) and waits until it answers; does nothing when running. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Process started = process.start(() -> ChildProcesses.start(
                List.of(binary.toString(), "--config-file=" + config.configFile()), dir(), config.stdoutLog(),
                binary + " in " + dir()), this::awaitPing);
        LOG.info("ClickHouse server up at {} (tcp {}, pid {}, dir {})", url(), tcpPort(), started.pid(), dir());
    }

    private void awaitPing(Process server) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("ClickHouse server exited with " + server.exitValue()
                        + " during start-up; its log: " + logs());
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for ClickHouse at " + url(), e);
            }
            ChildProcesses.pause(50, "ClickHouse at " + url());
        }
        throw new IllegalStateException("ClickHouse server at " + url() + " did not answer /ping within "
                + START_TIMEOUT + "; its log: " + ChildProcesses.tail(config.errorLog(), LOG_LINES_IN_ERRORS));
    }

    private String logs() {
        return ChildProcesses.tail(config.errorLog(), LOG_LINES_IN_ERRORS) + "\n"
                + ChildProcesses.tail(config.stdoutLog(), LOG_LINES_IN_ERRORS);
    }

    /** Stops the server (SIGTERM, then SIGKILL after a grace period), keeping its data; does nothing when stopped. */
    public synchronized void stop() {
        process.stop();
    }

    /** @return whether the child process is alive */
    public boolean isRunning() {
        return process.isRunning();
    }

    /** Kills the server at once; its folder stays. */
    @Override
    public synchronized void close() {
        process.kill();
    }
}

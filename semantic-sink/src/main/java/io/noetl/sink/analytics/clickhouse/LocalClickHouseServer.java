package io.noetl.sink.analytics.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private {@code clickhouse-server} child process on free loopback ports (HTTP, native TCP, interserver), with
 * its data, temporary files and configuration in one directory. It never uses the ports or data of a system
 * ClickHouse service. {@link #stop()} and {@link #start()} restart it on the same directory and ports, with the data;
 * {@link #close()} stops it and deletes the directory when this class created it. {@link #shared()} gives one server
 * per JVM, closed at exit.
 */
public final class LocalClickHouseServer implements AutoCloseable {

    /** Where Debian's {@code clickhouse-server} package puts the server. */
    public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/clickhouse-server");
    /** Names another server binary. */
    public static final String BINARY_ENV = "CLICKHOUSE_SERVER_BIN";

    private static final Logger LOG = LoggerFactory.getLogger(LocalClickHouseServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static LocalClickHouseServer shared;

    private final Path binary;
    private final Path dir;
    private final boolean ownsDir;
    private final int httpPort;
    private final int tcpPort;
    private final int interserverPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;

    private LocalClickHouseServer(Path binary, Path dir, boolean ownsDir, int httpPort, int tcpPort,
            int interserverPort) {
        this.binary = binary;
        this.dir = dir;
        this.ownsDir = ownsDir;
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
        this.interserverPort = interserverPort;
    }

    /** The JVM-wide server, started on first use and closed at JVM exit. */
    public static synchronized LocalClickHouseServer shared() {
        if (shared == null) {
            LocalClickHouseServer server = open(null);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "clickhouse-server-shutdown"));
            shared = server;
        }
        return shared;
    }

    /**
     * Writes the configuration into {@code dir} (a new temporary directory when null, deleted by {@link #close()}),
     * starts the server and waits until it answers {@code /ping}.
     *
     * @throws IllegalStateException when the server binary is missing, naming the package to install
     */
    public static LocalClickHouseServer open(Path dir) {
        Path binary = binary();
        try {
            boolean owns = dir == null;
            Path home = owns ? Files.createTempDirectory("noetl-clickhouse") : Files.createDirectories(dir);
            int[] ports = freePorts(3);
            LocalClickHouseServer server = new LocalClickHouseServer(binary, home.toAbsolutePath(), owns, ports[0],
                    ports[1], ports[2]);
            server.writeConfig();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("prepare a ClickHouse server directory", e);
        }
    }

    /** @return the server binary: {@value #BINARY_ENV} when set, else {@link #DEFAULT_BINARY} */
    public static Path binary() {
        String env = System.getenv(BINARY_ENV);
        return requireExecutable(env == null || env.isBlank() ? DEFAULT_BINARY : Path.of(env));
    }

    static Path requireExecutable(Path binary) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("ClickHouse server not found at " + binary
                    + ": install it with 'apt-get install -y clickhouse-server' or set " + BINARY_ENV);
        }
        return binary;
    }

    /** @return the HTTP endpoint, e.g. {@code http://127.0.0.1:41234} */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    /** @return the directory holding configuration, data and logs */
    public Path dir() {
        return dir;
    }

    /** @return settings for the store, on the passwordless {@code default} user */
    public ClickHouseSettings settings(String database) {
        return ClickHouseSettings.of(url(), ClickHouseSettings.DEFAULT_USER, "", database);
    }

    /** Starts the server (again, after {@link #stop()}) and waits until it answers; does nothing when running. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dir.resolve("log"));
            process = new ProcessBuilder(binary.toString(), "--config-file=" + dir.resolve("config.xml"))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("log/stdout.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("start " + binary + " in " + dir, e);
        }
        awaitPing();
        LOG.info("ClickHouse server up at {} (tcp {}, pid {}, dir {})", url(), tcpPort, process.pid(), dir);
    }

    /** Stops the server (SIGTERM, then SIGKILL after a grace period), keeping its data; does nothing when stopped. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        p.destroy();
        try {
            if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("ClickHouse server pid {} did not stop in {}; killing it", p.pid(), STOP_TIMEOUT);
                p.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("ClickHouse server at {} stopped", url());
    }

    /** @return whether the child process is alive */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Kills the server and deletes its directory when this class created it. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (ownsDir) {
            deleteTree(dir);
        }
    }

    private void awaitPing() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ClickHouse server exited with " + process.exitValue()
                        + " during start-up; its log: " + tail(dir.resolve("log/server.err.log"))
                        + tail(dir.resolve("log/stdout.log")));
            }
            try {
                HttpResponse<String> response = http.send(ping, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for ClickHouse at " + url(), e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for ClickHouse at " + url(), e);
            }
        }
        stop();
        throw new IllegalStateException("ClickHouse server at " + url() + " did not answer /ping within "
                + START_TIMEOUT + "; its log: " + tail(dir.resolve("log/server.err.log")));
    }

    private void writeConfig() throws IOException {
        for (String sub : List.of("data", "tmp", "user_files", "format_schemas", "log")) {
            Files.createDirectories(dir.resolve(sub));
        }
        String config = """
                <?xml version="1.0"?>
                <yandex>
                    <logger>
                        <level>warning</level>
                        <log>%1$s/log/server.log</log>
                        <errorlog>%1$s/log/server.err.log</errorlog>
                        <size>10M</size>
                        <count>2</count>
                    </logger>
                    <http_port>%2$d</http_port>
                    <tcp_port>%3$d</tcp_port>
                    <interserver_http_port>%4$d</interserver_http_port>
                    <interserver_http_host>127.0.0.1</interserver_http_host>
                    <listen_host>127.0.0.1</listen_host>
                    <max_connections>256</max_connections>
                    <keep_alive_timeout>3</keep_alive_timeout>
                    <max_concurrent_queries>64</max_concurrent_queries>
                    <uncompressed_cache_size>67108864</uncompressed_cache_size>
                    <mark_cache_size>67108864</mark_cache_size>
                    <path>%1$s/data/</path>
                    <tmp_path>%1$s/tmp/</tmp_path>
                    <user_files_path>%1$s/user_files/</user_files_path>
                    <format_schema_path>%1$s/format_schemas/</format_schema_path>
                    <users_config>%1$s/users.xml</users_config>
                    <default_profile>default</default_profile>
                    <default_database>default</default_database>
                    <mlock_executable>false</mlock_executable>
                </yandex>
                """.formatted(dir, httpPort, tcpPort, interserverPort);
        String users = """
                <?xml version="1.0"?>
                <yandex>
                    <profiles>
                        <default>
                            <max_memory_usage>2000000000</max_memory_usage>
                        </default>
                    </profiles>
                    <users>
                        <default>
                            <password></password>
                            <networks>
                                <ip>127.0.0.1</ip>
                            </networks>
                            <profile>default</profile>
                            <quota>default</quota>
                        </default>
                    </users>
                    <quotas>
                        <default>
                            <interval>
                                <duration>3600</duration>
                                <queries>0</queries>
                                <errors>0</errors>
                                <result_rows>0</result_rows>
                                <read_rows>0</read_rows>
                                <execution_time>0</execution_time>
                            </interval>
                        </default>
                    </quotas>
                </yandex>
                """;
        Files.writeString(dir.resolve("config.xml"), config);
        Files.writeString(dir.resolve("users.xml"), users);
    }

    private static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    private static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())) + "\n";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete ClickHouse directory {}: {}", root, e.getMessage());
        }
    }
}

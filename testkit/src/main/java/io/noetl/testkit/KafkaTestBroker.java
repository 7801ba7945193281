package io.noetl.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private single-node KRaft Kafka broker (broker and controller in one process) on free loopback ports,
 * run as a child JVM from the jars on this JVM's class path, with its log dirs in a temp folder.
 * {@link #shared()} gives one per test JVM (tests use unique topic names); {@link #start()} gives a separate
 * one for tests that stop and restart the broker.
 */
public final class KafkaTestBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTestBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> JVM_FLAGS = List.of("-Xmx512m", "-XX:+UseParallelGC",
            "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.showDateTime=true",
            // the broker log keeps info even when the tests' simplelogger.properties quiets Kafka clients
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info", "-Dorg.slf4j.simpleLogger.log.kafka=info");
    private static KafkaTestBroker shared;

    private final int brokerPort;
    private final int controllerPort;
    private final Path dir;
    private Process process;
    private Duration lastStartTime = Duration.ZERO;

    private KafkaTestBroker(int brokerPort, int controllerPort, Path dir) {
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.dir = dir;
    }

    /** The JVM-wide broker, started on first use and stopped at JVM exit. */
    public static synchronized KafkaTestBroker shared() {
        if (shared == null) {
            shared = start();
            KafkaTestBroker b = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(b::close, "kafka-test-broker-stop"));
        }
        return shared;
    }

    /** A new broker of its own, formatted and started; the caller closes it. */
    public static KafkaTestBroker start() {
        KafkaTestBroker broker;
        try {
            broker = new KafkaTestBroker(FreePort.find(), FreePort.find(), Files.createTempDirectory("kafka-test"));
        } catch (IOException e) {
            throw new UncheckedIOException("create kafka broker temp dir", e);
        }
        long t0 = System.nanoTime();
        broker.writeConfig();
        broker.format();
        LOG.info("kafka storage formatted in {} ms", Duration.ofNanos(System.nanoTime() - t0).toMillis());
        broker.launch();
        return broker;
    }

    /** Starts the broker process again on the same ports and log dirs (after {@link #stop()}). */
    public synchronized void launch() {
        if (process != null && process.isAlive()) {
            return;
        }
        long t0 = System.nanoTime();
        process = startJvm(ChildJvmMain.class.getName(), "kafka.Kafka", config().toString());
        awaitReady();
        lastStartTime = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("kafka broker up on {} in {} ms (dir {})", bootstrapServers(), lastStartTime.toMillis(), dir);
    }

    /** Stops the broker with a controlled shutdown, keeping its log dirs, so {@link #launch()} brings topics back. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("kafka broker did not stop within {}; killing it", STOP_TIMEOUT);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** How long the last {@link #launch()} took until the broker answered {@code describeCluster}. */
    public Duration lastStartTime() {
        return lastStartTime;
    }

    /** The temp folder holding {@code server.properties}, {@code broker.log} and the log dirs. */
    public Path dir() {
        return dir;
    }

    /** Stops the broker and deletes its log dirs ({@code broker.log} stays for a post-mortem). */
    @Override
    public void close() {
        stop();
        deleteRecursively(dir.resolve("data"));
    }

    private Path config() {
        return dir.resolve("server.properties");
    }

    private Path logFile() {
        return dir.resolve("broker.log");
    }

    private void writeConfig() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dir.resolve("data").toString());
        // one node: every internal topic must live with a single replica
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        // fewer internal partitions: the first consumer group and transaction come up faster
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.num.partitions", "6");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.cleaner.dedupe.buffer.size", "8388608");
        p.setProperty("num.partitions", "6");
        p.setProperty("auto.create.topics.enable", "false");
        try (Writer out = Files.newBufferedWriter(config(), StandardCharsets.UTF_8)) {
            p.store(out, "private KRaft broker for tests");
        } catch (IOException e) {
            throw new UncheckedIOException("write " + config(), e);
        }
    }

    private void format() {
        String clusterId = Uuid.randomUuid().toString();
        Process tool = startJvm("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config().toString(),
                "--standalone");
        try {
            if (!tool.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                tool.destroyForcibly();
                throw failure("kafka-storage format did not finish within " + READY_TIMEOUT, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tool.destroyForcibly();
            throw failure("interrupted while formatting kafka storage", e);
        }
        if (tool.exitValue() != 0) {
            throw failure("kafka-storage format exited with " + tool.exitValue(), null);
        }
    }

    private Process startJvm(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            // stdin stays a pipe held by this JVM: ChildJvmMain exits when it closes
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("start child JVM " + mainClass, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        awaitListening(deadline);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw failure("kafka broker exited with " + process.exitValue() + " while starting", null);
                }
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(1_000)).nodes()
                            .get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // not answering yet; poll again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure("interrupted while waiting for the kafka broker", e);
                }
                sleep(50);
            }
        }
        stop();
        throw failure("kafka broker on " + bootstrapServers() + " not ready within " + READY_TIMEOUT, null);
    }

    /** Waits for the broker port first, so the admin client does not log a warning per refused connection. */
    private void awaitListening(long deadline) {
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("kafka broker exited with " + process.exitValue() + " while starting", null);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", brokerPort), 200);
                return;
            } catch (IOException notYet) {
                // not listening yet; poll again
                sleep(50);
            }
        }
    }

    private IllegalStateException failure(String message, Throwable cause) {
        return new IllegalStateException(message + "; see " + logFile() + ", last lines:\n" + tail(40), cause);
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile() + ": " + e + ")";
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", root, e.toString());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

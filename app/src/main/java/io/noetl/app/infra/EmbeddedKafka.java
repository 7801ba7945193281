package io.noetl.app.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster of the pipeline. With {@code KAFKA_BOOTSTRAP_SERVERS} set, that cluster. Otherwise the
 * embedded default: a single-node KRaft broker run as a child JVM from the app's own class path, listening on
 * {@code NOETL_KAFKA_PORT} (default 9092) with its controller on {@code NOETL_KAFKA_CONTROLLER_PORT} (default the
 * next port), its data under {@code <NOETL_DATA_DIR>/kafka} (formatted once, so a restart keeps every topic), its
 * log in {@code broker.log} there, and stopped by {@link #close()} or when the app dies. When a Kafka broker
 * already answers on {@code NOETL_KAFKA_PORT} (another app on this machine), that one is used.
 */
public final class EmbeddedKafka implements AutoCloseable {

    public static final int DEFAULT_PORT = 9092;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final KafkaBrokerFiles files;
    private final Process process;

    private EmbeddedKafka(String bootstrapServers, KafkaBrokerFiles files, Process process) {
        this.bootstrapServers = bootstrapServers;
        this.files = files;
        this.process = process;
    }

    /** The configured cluster, a broker already on {@code NOETL_KAFKA_PORT}, or a private one started here. */
    public static EmbeddedKafka ensure(Map<String, String> env) {
        String external = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            LOG.info("using Kafka at {} (KAFKA_BOOTSTRAP_SERVERS)", external);
            return new EmbeddedKafka(external.trim(), null, null);
        }
        int port = port(env, "NOETL_KAFKA_PORT", DEFAULT_PORT);
        int controllerPort = port(env, "NOETL_KAFKA_CONTROLLER_PORT", port + 1);
        String local = "127.0.0.1:" + port;
        if (!LocalPorts.isFree(port)) {
            if (KafkaProbe.answers(local, Duration.ofSeconds(3))) {
                LOG.info("using the Kafka broker already listening at {}", local);
                return new EmbeddedKafka(local, null, null);
            }
            throw new IllegalStateException("port " + port + " is taken by something that is not a Kafka broker: set "
                    + "NOETL_KAFKA_PORT to a free port, or KAFKA_BOOTSTRAP_SERVERS to use an existing cluster");
        }
        if (!LocalPorts.isFree(controllerPort)) {
            throw new IllegalStateException("the Kafka controller port " + controllerPort + " is taken: set "
                    + "NOETL_KAFKA_CONTROLLER_PORT (or NOETL_KAFKA_PORT) to free ports");
        }
        KafkaBrokerFiles files = new KafkaBrokerFiles(EmbeddedNats.dataDir(env).resolve("kafka"), port, controllerPort);
        return start(files, env.getOrDefault("NOETL_KAFKA_HEAP", "512m"));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(raw.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a port number 1..65535, got '" + raw + "'");
    }

    private static EmbeddedKafka start(KafkaBrokerFiles files, String heap) {
        long t0 = System.nanoTime();
        files.writeConfig();
        if (!files.formatted()) {
            format(files, heap);
        }
        Process process = childJvm(files, heap, KafkaChildMain.class.getName(), "kafka.Kafka", files.config().toString());
        EmbeddedKafka kafka = new EmbeddedKafka(files.bootstrapServers(), files, process);
        try {
            kafka.awaitReady();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        LOG.info("started private Kafka broker at {} in {} ms (data {})", files.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), files.logDirs());
        return kafka;
    }

    /** Formats the log dirs once; the tool exits the JVM it runs in, so it gets a JVM of its own. */
    private static void format(KafkaBrokerFiles files, String heap) {
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        Process tool = childJvm(files, heap, "kafka.tools.StorageTool", "format", "-t", clusterId,
                "-c", files.config().toString(), "--standalone");
        try {
            if (!tool.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                tool.destroyForcibly();
                throw failure(files, "formatting the Kafka storage did not finish within " + READY_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tool.destroyForcibly();
            throw failure(files, "interrupted while formatting the Kafka storage");
        }
        if (tool.exitValue() != 0) {
            throw failure(files, "formatting the Kafka storage exited with " + tool.exitValue());
        }
        LOG.info("formatted Kafka storage in {} (cluster {})", files.logDirs(), clusterId);
    }

    private static Process childJvm(KafkaBrokerFiles files, String heap, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("-Xmx" + heap, "-XX:+UseParallelGC", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info", "-Dorg.slf4j.simpleLogger.log.kafka=info",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        try {
            // stdin stays a pipe held by this JVM: KafkaChildMain exits when it closes
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("start a JVM for " + mainClass, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!listening()) {
            checkAlive();
            if (System.nanoTime() > deadline) {
                throw failure(files, "Kafka broker did not listen at " + bootstrapServers + " within " + READY_TIMEOUT);
            }
            sleep(50);
        }
        try (Admin admin = KafkaProbe.admin(bootstrapServers, Duration.ofSeconds(2))) {
            while (!KafkaProbe.answers(admin, Duration.ofSeconds(1))) {
                checkAlive();
                if (System.nanoTime() > deadline) {
                    throw failure(files, "Kafka broker at " + bootstrapServers + " not ready within " + READY_TIMEOUT);
                }
                sleep(50);
            }
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", files.brokerPort()), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            throw failure(files, "Kafka broker exited with " + process.exitValue() + " while starting");
        }
    }

    private static IllegalStateException failure(KafkaBrokerFiles files, String message) {
        return new IllegalStateException(message + "; see " + files.log() + ", last lines:\n" + files.tail(30));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    /** Bootstrap servers to connect to. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether this instance started (and owns) the broker process. */
    public boolean owned() {
        return process != null;
    }

    /** The broker's data folder when this instance started it, else null. */
    public Path dataDir() {
        return files == null ? null : files.dir();
    }

    /** Stops the broker this instance started (controlled shutdown, then a kill after 30 s); the data stays. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("Kafka broker did not stop within {}; killing it", STOP_TIMEOUT);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            LOG.info("stopped private Kafka broker at {}", bootstrapServers);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

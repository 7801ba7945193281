package io.noetl.embedded.kafka;

import io.noetl.embedded.ChildProcesses;
import io.noetl.embedded.ServerProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) on loopback ports, run as a child JVM
 * from this JVM's class path. Its folder holds {@code server.properties}, {@code broker.log} and the log dirs under
 * {@code data/}, formatted once (by {@code kafka.tools.StorageTool} in a JVM of its own, since the tool exits the
 * JVM it runs in), so {@link #stop()} then {@link #launch()}, or a new {@link #open} on the same folder, keeps every
 * topic. The child exits with the JVM that started it, however that one ends.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_LINES_IN_ERRORS = 40;

    private final KafkaBrokerFiles files;
    private final String heap;
    private final ServerProcess process;
    private Duration lastStartTime = Duration.ZERO;

    private KafkaBroker(KafkaBrokerFiles files, String heap) {
        this.files = files;
        this.heap = heap;
        this.process = new ServerProcess("Kafka broker at " + files.bootstrapServers(), STOP_TIMEOUT);
    }

    /**
     * Writes the broker's configuration into {@code dir}, formats its storage unless already formatted, starts it and
     * waits until it answers {@code describeCluster}.
     *
     * @param dir            the broker's folder, created when missing
     * @param brokerPort     loopback port of the client listener
     * @param controllerPort loopback port of the KRaft controller
     * @param heap           maximum heap of the broker's JVM, e.g. {@code 512m}
     * @throws IllegalStateException when it does not start, with the end of {@code broker.log}
     */
    public static KafkaBroker open(Path dir, int brokerPort, int controllerPort, String heap) {
        KafkaBroker broker = new KafkaBroker(new KafkaBrokerFiles(dir.toAbsolutePath(), brokerPort, controllerPort),
                heap);
        broker.launch();
        return broker;
    }

    /** Starts the broker (again, after {@link #stop()}) on the same ports and data; does nothing when running. */
    public synchronized void launch() {
        if (isRunning()) {
            return;
        }
        long t0 = System.nanoTime();
        files.writeConfig();
        if (!files.formatted()) {
            format();
        }
        process.start(() -> ChildJvm.start(heap, files.log(), ChildJvmMain.class.getName(), "kafka.Kafka",
                files.config().toString()), this::awaitReady);
        lastStartTime = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("Kafka broker up at {} in {} ms (data {})", bootstrapServers(), lastStartTime.toMillis(),
                files.logDirs());
    }

    private void format() {
        String clusterId = Uuid.randomUuid().toString();
        Process tool = ChildJvm.start(heap, files.log(), "kafka.tools.StorageTool", "format", "-t", clusterId,
                "-c", files.config().toString(), "--standalone");
        try {
            if (!tool.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                tool.destroyForcibly();
                throw failure("formatting the Kafka storage did not finish within " + READY_TIMEOUT, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tool.destroyForcibly();
            throw failure("interrupted while formatting the Kafka storage", e);
        }
        if (tool.exitValue() != 0) {
            throw failure("formatting the Kafka storage exited with " + tool.exitValue(), null);
        }
        LOG.info("formatted Kafka storage in {} (cluster {})", files.logDirs(), clusterId);
    }

    private void awaitReady(Process broker) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        // the port first, so the admin client does not log a warning per refused connection
        while (!listening()) {
            checkAlive(broker);
            if (System.nanoTime() > deadline) {
                throw failure("Kafka broker did not listen at " + bootstrapServers() + " within " + READY_TIMEOUT,
                        null);
            }
            ChildProcesses.pause(50, "the Kafka broker at " + bootstrapServers());
        }
        try (Admin admin = KafkaProbe.admin(bootstrapServers(), Duration.ofSeconds(2))) {
            while (!KafkaProbe.answers(admin, Duration.ofSeconds(1))) {
                checkAlive(broker);
                if (System.nanoTime() > deadline) {
                    throw failure("Kafka broker at " + bootstrapServers() + " not ready within " + READY_TIMEOUT,
                            null);
                }
                ChildProcesses.pause(50, "the Kafka broker at " + bootstrapServers());
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

    private void checkAlive(Process broker) {
        if (!broker.isAlive()) {
            throw failure("Kafka broker exited with " + broker.exitValue() + " while starting", null);
        }
    }

    private IllegalStateException failure(String message, Throwable cause) {
        return new IllegalStateException(message + "; see " + files.log() + ", last lines:\n"
                + ChildProcesses.tail(files.log(), LOG_LINES_IN_ERRORS), cause);
    }

    /** Stops the broker with a controlled shutdown (a kill after 30 s), keeping its data; does nothing when stopped. */
    public synchronized void stop() {
        process.stop();
    }

    /** Whether the broker process is alive. */
    public boolean isRunning() {
        return process.isRunning();
    }

    /** Bootstrap servers to connect to, {@code 127.0.0.1:<broker port>}. */
    public String bootstrapServers() {
        return files.bootstrapServers();
    }

    /** The broker's folder: {@code server.properties}, {@code broker.log} and the log dirs under {@code data/}. */
    public Path dir() {
        return files.dir();
    }

    /** The log dirs (the topics' data), {@code data/} in {@link #dir()}. */
    public Path logDirs() {
        return files.logDirs();
    }

    /** How long the last start took until the broker answered {@code describeCluster}, formatting included. */
    public synchronized Duration lastStartTime() {
        return lastStartTime;
    }

    /** Stops the broker as {@link #stop()} does; the data stays. */
    @Override
    public void close() {
        stop();
    }
}

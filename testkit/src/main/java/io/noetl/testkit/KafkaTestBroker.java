package io.noetl.testkit;

import io.noetl.embedded.LoopbackPorts;
import io.noetl.embedded.kafka.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A private Kafka broker ({@link KafkaBroker}) on free loopback ports with its folder in a temp folder.
 * {@link #shared()} gives one per test JVM (tests use unique topic names); {@link #start()} gives a separate
 * one for tests that stop and restart the broker.
 */
public final class KafkaTestBroker implements AutoCloseable {

    private static final String HEAP = "512m";
    private static final PerJvm<KafkaTestBroker> SHARED = new PerJvm<>(KafkaTestBroker::start, KafkaTestBroker::close,
            "kafka-test-broker-stop");

    private final KafkaBroker broker;

    private KafkaTestBroker(KafkaBroker broker) {
        this.broker = broker;
    }

    /** The JVM-wide broker, started on first use and stopped at JVM exit. */
    public static KafkaTestBroker shared() {
        return SHARED.get();
    }

    /** A new broker of its own, formatted and started; the caller closes it. */
    public static KafkaTestBroker start() {
        int[] ports = LoopbackPorts.freeBlock(2);
        return new KafkaTestBroker(KafkaBroker.open(TempDirs.create("kafka-test"), ports[0], ports[1], HEAP));
    }

    /** Starts the broker process again on the same ports and log dirs (after {@link #stop()}). */
    public void launch() {
        broker.launch();
    }

    /** Stops the broker with a controlled shutdown, keeping its log dirs, so {@link #launch()} brings topics back. */
    public void stop() {
        broker.stop();
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** How long the last start took until the broker answered {@code describeCluster}. */
    public Duration lastStartTime() {
        return broker.lastStartTime();
    }

    /** The temp folder holding {@code server.properties}, {@code broker.log} and the log dirs. */
    public Path dir() {
        return broker.dir();
    }

    /** Stops the broker and deletes its log dirs ({@code broker.log} stays for a post-mortem). */
    @Override
    public void close() {
        broker.close();
        TempDirs.delete(broker.logDirs());
    }
}

package io.noetl.app.infra;

import io.noetl.embedded.LoopbackPorts;
import io.noetl.schemas.settings.Env;
import io.noetl.embedded.kafka.KafkaBroker;
import io.noetl.embedded.kafka.KafkaProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster of the pipeline. With {@code KAFKA_BOOTSTRAP_SERVERS} set, that cluster. Otherwise the
 * embedded default: a single-node KRaft broker ({@link KafkaBroker}) run as a child JVM from the app's own class
 * path, listening on {@code NOETL_KAFKA_PORT} (default 9092) with its controller on
 * {@code NOETL_KAFKA_CONTROLLER_PORT} (default the next port), its data under {@code <NOETL_DATA_DIR>/kafka}
 * (formatted once, so a restart keeps every topic), its log in {@code broker.log} there, its heap
 * {@code NOETL_KAFKA_HEAP} (default 512m), and stopped by {@link #close()} or when the app dies. When a Kafka broker
 * already answers on {@code NOETL_KAFKA_PORT} (another app on this machine), that one is used.
 */
public final class EmbeddedKafka implements AutoCloseable {

    public static final int DEFAULT_PORT = 9092;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final String bootstrapServers;
    private final KafkaBroker broker;

    private EmbeddedKafka(String bootstrapServers, KafkaBroker broker) {
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
    }

    /** The configured cluster, a broker already on {@code NOETL_KAFKA_PORT}, or a private one started here. */
    public static EmbeddedKafka ensure(Map<String, String> env) {
        Env settings = Env.of(env);
        java.util.Optional<String> external = settings.optional("KAFKA_BOOTSTRAP_SERVERS");
        if (external.isPresent()) {
            LOG.info("using Kafka at {} (KAFKA_BOOTSTRAP_SERVERS)", external.get());
            return new EmbeddedKafka(external.get(), null);
        }
        int port = settings.port("NOETL_KAFKA_PORT", DEFAULT_PORT);
        int controllerPort = settings.port("NOETL_KAFKA_CONTROLLER_PORT", port + 1);
        String local = "127.0.0.1:" + port;
        if (!LoopbackPorts.isFree(port)) {
            if (KafkaProbe.answers(local, Duration.ofSeconds(3))) {
                LOG.info("using the Kafka broker already listening at {}", local);
                return new EmbeddedKafka(local, null);
            }
            throw new IllegalStateException("port " + port + " is taken by something that is not a Kafka broker: set "
                    + "NOETL_KAFKA_PORT to a free port, or KAFKA_BOOTSTRAP_SERVERS to use an existing cluster");
        }
        if (!LoopbackPorts.isFree(controllerPort)) {
            throw new IllegalStateException("the Kafka controller port " + controllerPort + " is taken: set "
                    + "NOETL_KAFKA_CONTROLLER_PORT (or NOETL_KAFKA_PORT) to free ports");
        }
        KafkaBroker broker = KafkaBroker.open(settings.dataDir().resolve("kafka"), port, controllerPort,
                settings.string("NOETL_KAFKA_HEAP", "512m"));
        return new EmbeddedKafka(broker.bootstrapServers(), broker);
    }

    /** Bootstrap servers to connect to. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether this instance started (and owns) the broker process. */
    public boolean owned() {
        return broker != null;
    }

    /** The broker's data folder when this instance started it, else null. */
    public Path dataDir() {
        return broker == null ? null : broker.dir();
    }

    /** Stops the broker this instance started (controlled shutdown, then a kill after 30 s); the data stays. */
    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}

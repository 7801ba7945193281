package io.noetl.topology;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the topology: creates {@link KafkaStreams} from {@link NoetlTopology#build} (or any topology), replaces a stream thread that
 * dies of an unexpected error (logged), starts and waits for RUNNING, closes with a timeout.
 */
public final class TopologyRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final String applicationId;

    /**
     * @param cfg   the topology's configuration
     * @param props Kafka Streams settings, usually {@link StreamsSettings#properties}
     */
    public TopologyRunner(TopologyConfig cfg, Properties props) {
        this(NoetlTopology.build(cfg), props);
    }

    /**
     * Runs any topology under the same supervision (e.g. the baseline application a benchmark compares against).
     *
     * @param props Kafka Streams settings; {@code application.id} names the application in logs
     */
    public TopologyRunner(Topology topology, Properties props) {
        this.applicationId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        this.streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("topology {}: stream thread died, replacing it", applicationId, e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("topology {}: {} -> {}", applicationId, before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
    }

    /**
     * Starts the topology and waits until it is RUNNING.
     *
     * @throws IllegalStateException when it is not RUNNING within {@code timeout} (it keeps starting)
     */
    public TopologyRunner start(Duration timeout) {
        streams.start();
        try {
            if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("topology " + applicationId + " not RUNNING within " + timeout
                        + ", state " + streams.state());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting topology " + applicationId, e);
        }
        return this;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The running {@link KafkaStreams}, for interactive queries of the stores ({@link StoreNames}). */
    public KafkaStreams streams() {
        return streams;
    }

    /** Closes within {@code timeout}; true when it closed in time. */
    public boolean close(Duration timeout) {
        boolean closed = streams.close(timeout);
        if (!closed) {
            LOG.warn("topology {} did not close within {}", applicationId, timeout);
        }
        return closed;
    }

    @Override
    public void close() {
        close(CLOSE_TIMEOUT);
    }
}

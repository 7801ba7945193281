package io.noetl.app.bench.stream;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/** A Kafka Streams application under measurement: started, awaited RUNNING, closed and its local state wiped. */
final class StreamsApp implements AutoCloseable {

    private final KafkaStreams streams;

    private StreamsApp(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Starts the topology and waits until it is RUNNING (partitions assigned, stores restored). */
    static StreamsApp start(Topology topology, Properties props, Duration timeout) throws InterruptedException {
        KafkaStreams streams = new KafkaStreams(topology, props);
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            streams.close(Duration.ofSeconds(10));
            throw new IllegalStateException("streams application " + props.getProperty("application.id")
                    + " not RUNNING within " + timeout + " (state " + streams.state() + ")");
        }
        return new StreamsApp(streams);
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        streams.cleanUp();
    }
}

package io.noetl.app.bench.sink;

import io.noetl.connectors.kafka.KafkaTopics;
import io.noetl.connectors.kafka.TopicSettings;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.sink.index.AnalyticsIndex;
import io.noetl.sink.index.SinkIndex;
import io.noetl.sink.index.VectorIndex;
import io.noetl.sink.processor.SinkProcessor;
import io.noetl.sink.processor.SinkSettings;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.AnalyticsStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The measurements of {@code bench sink}, on one Kafka cluster: the sink (Kafka → decode → rows → store, offsets
 * committed after the store accepted) against a raw batch insert of the same rows into the same store, and the
 * vector path (Kafka → embed with cache → upsert). Each measured run reads its own topics (a fresh prefix), so the
 * consumer starts from the first record.
 */
final class SinkBench {

    /** Longest wait for a sink run to write everything. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    private final String bootstrap;
    private final String prefix;
    private final int batchSize;
    private int runs;

    SinkBench(String bootstrap, String prefix, int batchSize) {
        this.bootstrap = bootstrap;
        this.prefix = prefix;
        this.batchSize = batchSize;
    }

    /** One measured round: the sink's and the raw insert's rates over the same events. */
    record Round(double sinkEps, double rawEps) {
        double ratio() {
            return rawEps == 0 ? 0 : sinkEps / rawEps;
        }
    }

    /**
     * Runs the sink and the raw insert over {@code events}, each into a version of its own of {@code store}.
     *
     * @param sinkFirst whether the sink runs before the raw insert (rounds alternate to spread warm-up and caches)
     */
    Round analyticsRound(AnalyticsStore store, List<NormalizedEvent> events, boolean sinkFirst) throws Exception {
        double sink = 0;
        double raw = 0;
        for (int i = 0; i < 2; i++) {
            if ((i == 0) == sinkFirst) {
                sink = analyticsThroughSink(store, events);
            } else {
                raw = analyticsRaw(store, events);
            }
        }
        return new Round(sink, raw);
    }

    /** @return events/s of the sink writing {@code events} from Kafka into a new current version of {@code store} */
    double analyticsThroughSink(AnalyticsStore store, List<NormalizedEvent> events) throws Exception {
        Names names = produce(events);
        int version = nextVersion(store);
        store.createVersion(version);
        store.switchTo(version);
        AnalyticsIndex index = new AnalyticsIndex(store, names);
        double eps = runSink(index, names, events.size());
        long stored = store.counts(version).events();
        if (stored != events.size()) {
            throw new IllegalStateException("the sink stored " + stored + " events, expected " + events.size());
        }
        return eps;
    }

    /** @return events/s of {@link AnalyticsStore#write} taking the same events in batches, into a new version */
    double analyticsRaw(AnalyticsStore store, List<NormalizedEvent> events) {
        int version = nextVersion(store);
        store.createVersion(version);
        long start = System.nanoTime();
        for (int from = 0; from < events.size(); from += batchSize) {
            List<NormalizedEvent> batch = events.subList(from, Math.min(events.size(), from + batchSize));
            if (!store.write(version, AnalyticsBatch.ofEvents(batch)).isEmpty()) {
                throw new IllegalStateException("the store rejected benchmark events");
            }
        }
        double eps = events.size() / seconds(System.nanoTime() - start);
        long stored = store.counts(version).events();
        if (stored != events.size()) {
            throw new IllegalStateException("the raw insert stored " + stored + " events, expected " + events.size());
        }
        return eps;
    }

    /** @return failure events/s of the sink embedding (with its cache) and upserting {@code failures} */
    double vectorsThroughSink(VectorIndex index, List<NormalizedEvent> failures) throws Exception {
        Names names = produce(failures);
        int version = index.versions().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        index.createVersion(version);
        index.switchTo(version);
        VectorIndex reading = new VectorIndex(index.store(), index.embeddings(), names);
        double eps = runSink(reading, names, failures.size());
        long points = index.count(version);
        if (points != failures.size()) {
            throw new IllegalStateException("the sink stored " + points + " failure points, expected "
                    + failures.size());
        }
        return eps;
    }

    /**
     * Runs a sink over one index until it has written {@code expected} records. The rate is taken from the end of
     * its first batch to the end of its last, so joining the consumer group is not counted; with one batch only,
     * from the start.
     */
    private double runSink(SinkIndex index, Names names, int expected) throws InterruptedException {
        SinkSettings settings = SinkSettings.defaults(bootstrap).withBatch(batchSize, Duration.ofMillis(200))
                .withClientId(names.prefix() + "noetl-sink");
        long start = System.nanoTime();
        long firstAt = 0;
        long firstWritten = 0;
        long deadline = start + RUN_TIMEOUT.toNanos();
        try (SinkProcessor sink = SinkProcessor.start(List.of(index), names, settings)) {
            while (true) {
                long written = sink.counters().written();
                long now = System.nanoTime();
                if (written > 0 && firstAt == 0) {
                    firstAt = now;
                    firstWritten = written;
                }
                if (written >= expected) {
                    if (firstWritten >= expected) {
                        return expected / seconds(now - start);
                    }
                    return (expected - firstWritten) / seconds(now - firstAt);
                }
                if (sink.counters().rejected() > 0) {
                    throw new IllegalStateException("the sink rejected " + sink.counters().rejected()
                            + " benchmark records");
                }
                if (now > deadline) {
                    throw new IllegalStateException("the sink wrote " + written + " of " + expected + " records in "
                            + RUN_TIMEOUT);
                }
                Thread.sleep(5);
            }
        }
    }

    /** Writes the events to the events topic of a fresh prefix and returns its names. */
    private Names produce(List<NormalizedEvent> events) throws Exception {
        Names names = new Names(prefix + "r" + (++runs) + "_");
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            KafkaTopics.ensure(a, names, TopicSettings.embedded()).problems().forEach(p -> {
                throw new IllegalStateException("create benchmark topics: " + p);
            });
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>(events.size());
            for (NormalizedEvent e : events) {
                sent.add(producer.send(new ProducerRecord<>(names.eventsTopic(),
                        e.executionId().getBytes(StandardCharsets.UTF_8), Json.bytes(e))));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> f : sent) {
                try {
                    f.get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException ex) {
                    throw new IllegalStateException("produce benchmark events: " + ex, ex);
                }
            }
        }
        return names;
    }

    private static int nextVersion(AnalyticsStore store) {
        return store.versions().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    private static double seconds(long nanos) {
        return Math.max(nanos, 1) / 1e9;
    }
}

package io.noetl.app.bench.stream;

import io.noetl.connectors.kafka.KafkaTopics;
import io.noetl.connectors.kafka.TopicSettings;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.event.Event;
import io.noetl.topology.NoetlTopology;
import io.noetl.topology.StreamsSettings;
import io.noetl.topology.TopologyConfig;
import io.noetl.topology.TopologyRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The topology benchmark: the same pre-loaded raw events through (a) a pass-through Kafka Streams application
 * (read, write unchanged; same partitions, same processing guarantee and commit interval) and (b) the full
 * topology; then latency spikes injected into (b) while a paced load runs, timed from the spike's send to the
 * alert's arrival on {@code noetl.alerts}.
 */
public final class TopologyBench {

    static final int PARTITIONS = 6;
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);

    private final String bootstrap;
    private final Names names;
    private final Path stateDir;
    private final PrintWriter out;
    private final int streamThreads;

    public TopologyBench(String bootstrap, Names names, Path stateDir, PrintWriter out) {
        this(bootstrap, names, stateDir, out, 1);
    }

    /** @param streamThreads {@code num.stream.threads} of both applications (the same for both) */
    public TopologyBench(String bootstrap, Names names, Path stateDir, PrintWriter out, int streamThreads) {
        if (streamThreads < 1) {
            throw new IllegalArgumentException("stream threads must be at least 1, got " + streamThreads);
        }
        this.bootstrap = bootstrap;
        this.names = names;
        this.stateDir = stateDir;
        this.out = out;
        this.streamThreads = streamThreads;
    }

    /** The figures of one run. */
    public record Result(long events, double passThroughEps, double topologyEps, SpikeLatency.Result spikes) {

        public double ratio() {
            return passThroughEps == 0 ? 0 : topologyEps / passThroughEps;
        }
    }

    public Result run(long events, int spikeKeys, Duration pacedLoad) throws Exception {
        TopologyConfig cfg = TopologyConfig.defaults(names);
        try (Admin admin = admin()) {
            String passOut = createTopics(admin);
            GroupProgress progress = new GroupProgress(admin);
            SyntheticEvents generator = events(42);
            SpikeLatency spikes = new SpikeLatency(bootstrap, names, spikeKeys);
            long loaded;
            try (KafkaProducer<String, byte[]> producer = producer()) {
                long t0 = System.nanoTime();
                loaded = generator.emit(events, e -> send(producer, e));
                loaded += spikes.baseline(e -> send(producer, e));
                producer.flush();
                out.printf("loaded %,d raw events in %.1f s%n", loaded, seconds(t0));
            }
            long target = progress.endOffsets(names.rawEventsTopic(), PARTITIONS);

            Properties passProps = settings(cfg, "pass", passThroughId());
            double passEps = measure("pass-through", passThrough(passOut), passProps, progress, target, loaded);

            Properties props = settings(cfg, "topology", null);
            String appId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
            double topoEps;
            SpikeLatency.Result spikeResult;
            TopologyRunner app = new TopologyRunner(cfg, props);
            try {
                app.start(START_TIMEOUT);
                long t0 = System.nanoTime();
                await(progress, appId, target);
                topoEps = loaded / seconds(t0);
                out.printf("full topology: %,.0f events/s%n", topoEps);
                try (KafkaProducer<String, byte[]> producer = producer()) {
                    spikeResult = spikes.inject(generator, e -> send(producer, e), producer::flush,
                            topoEps / 2, pacedLoad);
                }
                out.printf("latency spikes: %d injected, %d alerted; event -> alert p50 %.0f ms, p99 %.0f ms "
                        + "(paced load %.0f events/s)%n", spikeResult.injected(), spikeResult.alerted(),
                        spikeResult.p50Ms(), spikeResult.p99Ms(), spikeResult.loadEps());
            } finally {
                closeAndWipe(app);
            }
            return new Result(loaded, passEps, topoEps, spikeResult);
        }
    }

    /**
     * Runs both applications once over {@code events} events of their own (topics under this bench's prefix), so that
     * a measured run after it (under another prefix) finds the code already compiled, as a long-running instance
     * would: without it a short run measures the JIT compiler as much as the applications.
     */
    public void warmUp(long events) throws Exception {
        TopologyConfig cfg = TopologyConfig.defaults(names);
        try (Admin admin = admin()) {
            String passOut = createTopics(admin);
            GroupProgress progress = new GroupProgress(admin);
            SyntheticEvents generator = events(7);
            long loaded;
            try (KafkaProducer<String, byte[]> producer = producer()) {
                loaded = generator.emit(events, e -> send(producer, e));
                producer.flush();
            }
            long target = progress.endOffsets(names.rawEventsTopic(), PARTITIONS);
            measure("warm-up pass-through", passThrough(passOut), settings(cfg, "warm-pass", passThroughId()), progress,
                    target, loaded);
            Properties props = settings(cfg, "warm-topology", null);
            measure("warm-up full topology", NoetlTopology.build(cfg), props, progress, target, loaded);
        }
    }

    /**
     * Deletes every topic of this run (its prefix: the topology's topics, the pass-through output and both
     * applications' internal topics), so runs on one broker do not pile up data that its log cleaner and recovery
     * keep working on during later runs.
     */
    public void cleanUp() throws Exception {
        try (Admin admin = admin()) {
            List<String> ours = admin.listTopics().names().get(60, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(names.prefix())).toList();
            if (!ours.isEmpty()) {
                admin.deleteTopics(ours).all().get(60, TimeUnit.SECONDS);
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Creates the topology's topics and the pass-through's output topic of this run; returns the latter. */
    private String createTopics(Admin admin) throws Exception {
        String passOut = names.prefix() + "bench.passthrough";
        KafkaTopics.ensure(admin, names, TopicSettings.embedded());
        admin.createTopics(List.of(new NewTopic(passOut, PARTITIONS, (short) 1))).all().get();
        return passOut;
    }

    /** Raw events of a synthetic workload starting six hours ago, the same for the same seed. */
    private static SyntheticEvents events(long seed) {
        return new SyntheticEvents(seed, 20, 5, 0.03, Instant.now().minus(Duration.ofHours(6)), 10);
    }

    private double measure(String what, Topology topology, Properties props, GroupProgress progress, long target,
            long loaded) throws Exception {
        TopologyRunner app = new TopologyRunner(topology, props);
        try {
            app.start(START_TIMEOUT);
            long t0 = System.nanoTime();
            await(progress, props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), target);
            double eps = loaded / seconds(t0);
            out.printf("%s: %,.0f events/s%n", what, eps);
            return eps;
        } finally {
            closeAndWipe(app);
        }
    }

    /**
     * Settings of one application of this run: the topology's, with the run's thread count and state under
     * {@code stateSub}; {@code applicationId} replaces the topology's id (null keeps it).
     */
    private Properties settings(TopologyConfig cfg, String stateSub, String applicationId) {
        Properties p = StreamsSettings.properties(bootstrap, cfg, stateDir.resolve(stateSub), COMMIT_INTERVAL);
        if (applicationId != null) {
            p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        }
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        return p;
    }

    private String passThroughId() {
        return names.prefix() + "bench-passthrough";
    }

    /** Closes the application and deletes its local state, so the next application starts from nothing. */
    private static void closeAndWipe(TopologyRunner app) {
        app.close();
        app.streams().cleanUp();
    }

    private void await(GroupProgress progress, String group, long target) throws Exception {
        if (!progress.await(group, names.rawEventsTopic(), target, RUN_TIMEOUT)) {
            throw new IllegalStateException(group + " did not consume " + target + " records within " + RUN_TIMEOUT
                    + " (committed " + progress.committed(group, names.rawEventsTopic()) + ")");
        }
    }

    private Topology passThrough(String outTopic) {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(names.rawEventsTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(outTopic, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return b.build();
    }

    private void send(KafkaProducer<String, byte[]> producer, Event e) {
        producer.send(new ProducerRecord<>(names.rawEventsTopic(), e.executionId(), Json.bytes(e)));
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}

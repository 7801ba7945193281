package io.noetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.noetl.app.client.NoetlClient;
import io.noetl.app.demo.AlertFeed;
import io.noetl.app.demo.DemoServices;
import io.noetl.app.demo.Example;
import io.noetl.app.demo.Examples;
import io.noetl.app.infra.Lifecycle;
import io.noetl.app.infra.StreamRoles;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.nats.NatsConnections;
import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.StepMetrics;
import io.noetl.schemas.stream.StepTrace;
import io.noetl.server.ServerConfig;
import io.noetl.server.ServerRole;
import io.noetl.testkit.KafkaTestBroker;
import io.noetl.testkit.NatsTestServer;
import io.noetl.worker.WorkerConfig;
import io.noetl.worker.WorkerRole;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one JVM on the real nats-server and the real Kafka broker: server and worker run the latency
 * example against a quote API whose delay the test sets; the bridge carries the events to Kafka, the topology
 * traces, measures and watches them, and the relay brings its alert back to NATS.
 */
class StreamPipelineIT {

    private static final Logger LOG = LoggerFactory.getLogger(StreamPipelineIT.class);

    private static final int BASELINE = 60; // the latency watch scores a step after 50 durations
    private static final int SLOW = 5; // its recent level is the median of the last 5 durations
    private static final Duration SLOW_DELAY = Duration.ofMillis(600);
    private static final Duration ALERT_WITHIN = Duration.ofSeconds(60);
    private static final String STEP = "call_api";
    private static final int IN_FLIGHT = 5;

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("when an HTTP step slows down for good, a latency_spike alert for it arrives on NATS naming the slow "
            + "executions, and its traces and step metrics are on Kafka")
    void slowDownOfAStepRaisesALatencyAlertEndToEnd() throws Exception {
        String prefix = "sp" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL) + "_";
        String natsUrl = NatsTestServer.shared().url();
        String bootstrap = KafkaTestBroker.shared().bootstrapServers();
        Map<String, String> env = new HashMap<>();
        env.put("NATS_URL", natsUrl);
        env.put("NOETL_STREAM_PREFIX", prefix);
        env.put("NOETL_HTTP_PORT", "0");
        env.put("NOETL_DATA_DIR", dataDir.toString());
        env.put("NOETL_EXAMPLES_DIR", Path.of("..", "examples").toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("NOETL_KAFKA_PARTITIONS", "2");
        String key = Examples.LATENCY_WATCH + "/" + STEP;

        try (Lifecycle life = new Lifecycle()) {
            ServerRole server = life.add(ServerRole.start(ServerConfig.fromEnv(env)));
            life.add(WorkerRole.start(WorkerConfig.fromEnv(env)));
            StringWriter streamLog = new StringWriter();
            StreamRoles.Started stream = StreamRoles.start(env, life, new PrintWriter(streamLog));
            Names names = stream.names();
            assertThat(stream.bootstrapServers()).as("the configured cluster is used").isEqualTo(bootstrap);
            DemoServices services = life.add(DemoServices.start());

            Connection nc = life.add(NatsConnections.connect(natsUrl, prefix + "stream-it"));
            List<Alert> alerts = new CopyOnWriteArrayList<>();
            Dispatcher raw = nc.createDispatcher(msg -> alerts.add(Json.read(msg.getData(), Alert.class)));
            raw.subscribe(names.alertsWildcard());
            List<String> printed = new CopyOnWriteArrayList<>();
            life.add(AlertFeed.start(nc, names, printed::add));

            NoetlClient client = new NoetlClient("http://127.0.0.1:" + server.httpPort());
            Example example = Examples.load(env).stream()
                    .filter(e -> e.path().equals(Examples.LATENCY_WATCH)).findFirst().orElseThrow();
            client.register(example.yaml());
            Map<String, Object> workload = Map.of("api_base", services.baseUrl());

            List<String> baseline = runAll(client, BASELINE, workload);
            services.quoteDelay(SLOW_DELAY);
            long slowAt = System.nanoTime();
            List<String> slow = runAll(client, SLOW, workload);

            Alert alert = await(alerts, a -> Alert.LATENCY_SPIKE.equals(a.type()) && key.equals(a.key()),
                    ALERT_WITHIN, "a latency_spike alert for " + key, () -> committedCounts(bootstrap, List.of(
                            names.rawEventsTopic(), names.eventsTopic(), names.deadLetterTopic(), names.tracesTopic(),
                            names.stepMetricsTopic(), names.alertsTopic())));
            long alertAfterMs = (System.nanoTime() - slowAt) / 1_000_000;
            assertThat(alert.playbookPath()).isEqualTo(Examples.LATENCY_WATCH);
            assertThat(alert.step()).isEqualTo(STEP);
            assertThat(alert.severity()).isIn(Alert.WARNING, Alert.CRITICAL);
            assertThat(alert.observed()).as("recent median vs baseline median, ms")
                    .isGreaterThan(2 * alert.expected()).isGreaterThanOrEqualTo(SLOW_DELAY.toMillis());
            assertThat(alert.expected()).isPositive().isLessThan(SLOW_DELAY.toMillis());
            assertThat(alert.score()).isGreaterThanOrEqualTo(0.99);
            assertThat(alert.executionIds()).isNotEmpty().allSatisfy(id -> assertThat(slow).contains(id));
            assertThat(alerts).as("no latency alert on the step names an execution of the baseline")
                    .filteredOn(a -> Alert.LATENCY_SPIKE.equals(a.type()) && key.equals(a.key()))
                    .allSatisfy(a -> assertThat(a.executionIds()).doesNotContainAnyElementsOf(baseline));
            assertThat(printed).as("the demo's alert line")
                    .anySatisfy(line -> assertThat(line).startsWith("[ALERT " + alert.severity() + "] latency_spike "
                            + key + ": observed ").contains(" ms vs expected ").contains(alert.executionIds().get(0)));

            String traced = slow.get(0);
            ExecutionTrace trace = Json.read(awaitRecord(bootstrap, names.tracesTopic(),
                    r -> traced.equals(r.key()) && completed(r.value())), ExecutionTrace.class);
            assertThat(trace.playbookPath()).isEqualTo(Examples.LATENCY_WATCH);
            assertThat(trace.durationMs()).isNotNull().isGreaterThanOrEqualTo(SLOW_DELAY.toMillis());
            StepTrace call = trace.steps().stream().filter(s -> STEP.equals(s.step())).findFirst().orElseThrow();
            assertThat(call.status()).isEqualTo("COMPLETED");
            assertThat(call.toolKind()).isEqualTo("http");
            assertThat(call.durationMs()).isNotNull().isGreaterThanOrEqualTo(SLOW_DELAY.toMillis());

            long counted = awaitStepCount(bootstrap, names.stepMetricsTopic(), key, BASELINE + SLOW);
            assertThat(counted).as("attempts of %s over its windows' latest records", key).isEqualTo(BASELINE + SLOW);

            LOG.info("{} baseline + {} slow executions; latency alert {} ms after the slow-down: {}", BASELINE, SLOW,
                    alertAfterMs, printed.stream().filter(l -> l.contains("latency_spike")).findFirst().orElse("?"));
        }
    }

    /**
     * Runs {@code n} executions of the latency example, {@value #IN_FLIGHT} at a time (more would make the machine,
     * not the API, the bottleneck of the baseline), and returns them once all completed.
     */
    private static List<String> runAll(NoetlClient client, int n, Map<String, Object> workload) throws Exception {
        List<Future<String>> running = new ArrayList<>();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                slots.acquire();
                running.add(pool.submit(() -> {
                    try {
                        String id = client.start(Examples.LATENCY_WATCH, workload);
                        String status = client.await(id, NoetlClient.SETTLED, Duration.ofSeconds(60))
                                .path("status").asText();
                        assertThat(status).as("execution %s", id).isEqualTo("COMPLETED");
                        return id;
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : running) {
                ids.add(f.get());
            }
            return ids;
        }
    }

    private static Alert await(List<Alert> alerts, Predicate<Alert> match, Duration within, String what,
            Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Alert> found = alerts.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " within " + within + "; alerts seen: " + alerts
                + "; committed records per topic: " + state.get());
    }

    /** Committed records per topic, for failure messages. */
    private static String committedCounts(String bootstrap, List<String> topics) {
        StringBuilder sb = new StringBuilder();
        for (String topic : topics) {
            int n = 0;
            try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap, topic)) {
                int empty = 0;
                while (empty < 5) {
                    int got = consumer.poll(Duration.ofMillis(200)).count();
                    n += got;
                    empty = got == 0 ? empty + 1 : 0;
                }
            }
            sb.append(topic).append('=').append(n).append(' ');
        }
        return sb.toString().trim();
    }

    private static boolean completed(byte[] trace) {
        return "COMPLETED".equals(Json.tree(trace).path("status").asText());
    }

    /** The first committed record of {@code topic} that matches, reading from the beginning for up to 30 s. */
    private static byte[] awaitRecord(String bootstrap, String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap, topic)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        return r.value();
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within 30 s");
    }

    /**
     * Sum of {@code count} over the latest committed record of each window of {@code key} (records are upserts of a
     * window), read until it reaches {@code expected} or 30 s pass.
     */
    private static long awaitStepCount(String bootstrap, String topic, String key, long expected) {
        Map<Instant, Long> latestPerWindow = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap, topic)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        StepMetrics m = Json.read(r.value(), StepMetrics.class);
                        assertThat(m.step()).isEqualTo(STEP);
                        assertThat(m.failures()).isZero();
                        latestPerWindow.put(m.windowStart(), m.count());
                    }
                }
                if (latestPerWindow.values().stream().mapToLong(Long::longValue).sum() >= expected) {
                    break;
                }
            }
        }
        return latestPerWindow.values().stream().mapToLong(Long::longValue).sum();
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}

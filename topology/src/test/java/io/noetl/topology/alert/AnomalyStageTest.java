package io.noetl.topology.alert;

import static io.noetl.topology.metrics.TestEvents.T0;
import static io.noetl.topology.metrics.TestEvents.done;
import static io.noetl.topology.metrics.TestEvents.failed;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Names;
import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.StepMetrics;
import io.noetl.topology.JsonSerde;
import io.noetl.topology.TopologyConfig;
import io.noetl.topology.anomaly.AnomalyDetector;
import io.noetl.topology.anomaly.Detectors;
import io.noetl.topology.metrics.StepEvent;
import io.noetl.topology.metrics.StepEvents;
import io.noetl.topology.metrics.StepMetricsStage;
import io.noetl.topology.metrics.TestEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyStageTest {

    private static final Names NAMES = new Names("t_");
    private static final String PB = "shop/orders";
    private static final String KEY = PB + "/charge";

    @TempDir
    Path stateDir;
    @TempDir
    Path backup;

    private TopologyTestDriver driver;
    private TestInputTopic<String, NormalizedEvent> in;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, StepMetrics> metrics;
    private final Random random = new Random(17);
    private int seq;

    /** The mini topology: one re-keying shared by the metrics and the anomaly stage. */
    private void start(Path dir) {
        TopologyConfig cfg = TopologyConfig.defaults(NAMES);
        StreamsBuilder b = new StreamsBuilder();
        KStream<String, StepEvent> byStep = StepEvents.byStep(TestEvents.source(b, NAMES));
        StepMetricsStage.attachByStep(byStep, cfg);
        AnomalyStage.attachByStep(byStep, cfg);
        driver = new TopologyTestDriver(b.build(), TestEvents.props(dir), T0);
        in = driver.createInputTopic(NAMES.eventsTopic(), Serdes.String().serializer(),
                JsonSerde.of(NormalizedEvent.class).serializer());
        alerts = driver.createOutputTopic(NAMES.alertsTopic(), Serdes.String().deserializer(),
                JsonSerde.of(Alert.class).deserializer());
        metrics = driver.createOutputTopic(NAMES.stepMetricsTopic(), Serdes.String().deserializer(),
                JsonSerde.of(StepMetrics.class).deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private void send(NormalizedEvent e) {
        in.pipeInput(e.executionId(), e, e.timestamp());
    }

    /** One successful attempt of the step at event second {@code seq}, lognormal around {@code medianMs}. */
    private void ok(double medianMs, double sigma) {
        int i = seq++;
        send(done("ex" + i, PB, "charge", T0.plusSeconds(i), Math.round(Math.exp(Math.log(medianMs)
                + sigma * random.nextGaussian()))));
    }

    private void fail(String template) {
        int i = seq++;
        send(failed("ex" + i, PB, "charge", T0.plusSeconds(i), 90, template));
    }

    private List<Alert> alertsOf(String type) {
        return alerts.readValuesToList().stream().filter(a -> type.equals(a.type())).toList();
    }

    @Test
    @DisplayName("a sustained x5 latency jump after 400 stable attempts gives exactly one latency_spike, sent with the"
            + " event that revealed it, naming the slow executions")
    void latencySpikeOnce() {
        start(stateDir);
        for (int i = 0; i < 400; i++) {
            ok(100, 0.2);
        }
        assertThat(alerts.isEmpty()).isTrue();
        int firstSlow = seq;
        int alertedAt = -1;
        for (int i = 0; i < 100; i++) {
            ok(500, 0.2);
            if (alertedAt < 0 && !alerts.isEmpty()) {
                alertedAt = i;
            }
        }
        assertThat(alertedAt).as("slow attempts until the alert").isBetween(0, 4);
        List<Alert> all = alerts.readValuesToList();
        assertThat(all).hasSize(1);
        Alert a = all.get(0);
        assertThat(a.type()).isEqualTo(Alert.LATENCY_SPIKE);
        assertThat(a.key()).isEqualTo(KEY);
        assertThat(a.playbookPath()).isEqualTo(PB);
        assertThat(a.step()).isEqualTo("charge");
        assertThat(a.alertId()).hasSize(26);
        assertThat(a.severity()).isIn(Alert.WARNING, Alert.CRITICAL);
        assertThat(a.score()).isBetween(0.99, 1.0);
        assertThat(a.expected()).isBetween(90.0, 110.0);
        assertThat(a.observed()).isGreaterThan(300.0);
        assertThat(a.executionIds()).isNotEmpty().hasSizeLessThanOrEqualTo(10)
                .allMatch(id -> Integer.parseInt(id.substring(2)) >= firstSlow);
        assertThat(a.windowEnd()).isAfterOrEqualTo(a.windowStart());
        assertThat(a.windowStart()).isAfterOrEqualTo(T0.plusSeconds(firstSlow - 5));
        assertThat(a.message()).contains("latency spike", "charge", PB, "ms");
        assertThat(metrics.isEmpty()).as("the metrics stage shares the re-keyed stream").isFalse();
    }

    @Test
    @DisplayName("stable noisy traffic (jittery latency, a steady 3% of errors, steady rate) raises no alert at all")
    void noAlertOnStableNoise() {
        start(stateDir);
        fail("t-usual");
        for (int minute = 0; minute < 14; minute++) {
            for (int i = 0; i < 100; i++) {
                if (random.nextDouble() < 0.03) {
                    fail("t-usual");
                } else {
                    ok(200, 0.5);
                }
            }
            driver.advanceWallClockTime(Duration.ofMinutes(1));
        }
        assertThat(alerts.readValuesToList()).isEmpty();
    }

    @Test
    @DisplayName("an error rate jumping from 2% to 40% gives one error_rate_spike naming the dominant template and the"
            + " failing executions")
    void errorRateSpike() {
        start(stateDir);
        fail("t-old");
        for (int i = 0; i < 1000; i++) {
            if (random.nextDouble() < 0.02) {
                fail("t-old");
            } else {
                ok(100, 0.2);
            }
        }
        assertThat(alerts.isEmpty()).isTrue();
        int firstBad = seq;
        for (int i = 0; i < 200; i++) {
            if (i % 5 < 2) {
                fail("t-db-down");
            } else {
                ok(100, 0.2);
            }
        }
        List<Alert> spikes = alertsOf(Alert.ERROR_RATE_SPIKE);
        assertThat(spikes).hasSize(1);
        Alert a = spikes.get(0);
        assertThat(a.templateId()).isEqualTo("t-db-down");
        assertThat(a.observed()).isGreaterThan(0.1);
        assertThat(a.expected()).isLessThan(0.05);
        assertThat(a.executionIds()).isNotEmpty().allMatch(id -> Integer.parseInt(id.substring(2)) >= firstBad);
        assertThat(a.message()).contains("error rate", "t-db-down");
    }

    @Test
    @DisplayName("a steady step that stops gives one throughput_drop at the next wall-clock check, and no more while it"
            + " stays stopped")
    void throughputDrop() {
        start(stateDir);
        for (int minute = 0; minute < 15; minute++) {
            for (int i = 0; i < 30; i++) {
                ok(100, 0.1);
            }
            driver.advanceWallClockTime(Duration.ofMinutes(1));
        }
        assertThat(alerts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        List<Alert> drops = alerts.readValuesToList();
        assertThat(drops).hasSize(1);
        Alert a = drops.get(0);
        assertThat(a.type()).isEqualTo(Alert.THROUGHPUT_DROP);
        assertThat(a.observed()).isZero();
        assertThat(a.expected()).isBetween(29.0, 31.0);
        assertThat(a.severity()).isEqualTo(Alert.CRITICAL);
        assertThat(a.executionIds()).isNotEmpty();
        driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(alerts.readValuesToList()).isEmpty();
    }

    @Test
    @DisplayName("a new error template alerts once per (step, template), and not on a step without history")
    void newTemplateOncePerStepAndTemplate() {
        start(stateDir);
        for (int i = 0; i < 100; i++) {
            ok(100, 0.1);
        }
        fail("t-x");
        fail("t-x");
        fail("t-y");
        send(failed("other", "shop/new", "first", T0.plusSeconds(seq), 10, "t-z"));
        List<Alert> news = alertsOf(Alert.NEW_ERROR_TEMPLATE);
        assertThat(news).extracting(Alert::templateId).containsExactly("t-x", "t-y");
        assertThat(news).extracting(Alert::key).containsOnly(KEY);
        assertThat(news.get(0).severity()).isEqualTo(Alert.WARNING);
        assertThat(news.get(1).severity()).isEqualTo(Alert.INFO);
        assertThat(news.get(0).executionIds()).containsExactly("ex100");
    }

    @Test
    @DisplayName("detector state survives a restart on the same state dir: restored from its changelog, the spike is"
            + " caught at once, without re-learning")
    void stateSurvivesRestart() {
        start(stateDir);
        for (int i = 0; i < 400; i++) {
            ok(100, 0.2);
        }
        driver.advanceWallClockTime(Duration.ofSeconds(6)); // wall-clock checkpoint of watches and detectors
        Map<String, byte[]> watchLog = changelog(AnomalyStage.WATCH_STORE);
        Map<String, byte[]> detectorLog = changelog(AnomalyStage.DETECTOR_STORE);
        assertThat(watchLog).containsKey(KEY);
        assertThat(detectorLog).containsKey(KEY);
        driver.close();

        // the test driver deletes local state on close; a restarted instance gets its stores back from the changelog
        start(stateDir);
        KeyValueStore<String, byte[]> watches = driver.getKeyValueStore(AnomalyStage.WATCH_STORE);
        KeyValueStore<String, byte[]> detectors = driver.getKeyValueStore(AnomalyStage.DETECTOR_STORE);
        watchLog.forEach(watches::put);
        detectorLog.forEach(detectors::put);
        for (int i = 0; i < 20; i++) {
            ok(500, 0.2);
        }
        List<Alert> spikes = alertsOf(Alert.LATENCY_SPIKE);
        assertThat(spikes).hasSize(1);
        assertThat(spikes.get(0).expected()).isBetween(90.0, 110.0);
        driver.close();

        // control: the same 20 slow attempts on a step without its state raise nothing
        driver = null;
        start(backup);
        for (int i = 0; i < 20; i++) {
            ok(500, 0.2);
        }
        assertThat(alerts.readValuesToList()).isEmpty();
    }

    @Test
    @DisplayName("a detector snapshot of an earlier release (Java serialization) is not read: the step's detector"
            + " starts afresh and is saved in the current format, and one INFO line says detectors relearn their"
            + " baseline")
    void earlierReleaseDetectorSnapshotIsRelearned() throws IOException {
        start(stateDir);
        KeyValueStore<String, byte[]> detectors = driver.getKeyValueStore(AnomalyStage.DETECTOR_STORE);
        byte[] earlier = javaSerialized();
        detectors.put(KEY, earlier);
        detectors.put(PB + "/refund", earlier);
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 200; i++) {
                ok(100, 0.2);
                send(done("rf" + i, PB, "refund", T0.plusSeconds(seq), 80));
            }
            driver.advanceWallClockTime(Duration.ofSeconds(6)); // checkpoint of the detectors
        } finally {
            System.setErr(stderr);
        }
        List<String> relearn = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("relearns its baseline")).toList();
        assertThat(relearn).hasSize(1);
        assertThat(relearn.getFirst()).contains("INFO");
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("not restorable");
        for (String key : List.of(KEY, PB + "/refund")) {
            AnomalyDetector fresh = Detectors.restore(detectors.get(key));
            assertThat(fresh).as(key).isNotNull();
            assertThat(fresh.name()).isEqualTo(Detectors.DEFAULT);
        }
    }

    /** Bytes as an earlier release's detector snapshot starts: a Java-serialized object. */
    private static byte[] javaSerialized() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new EarlierSnapshot(new double[] {100, 101, 99}, 3));
        }
        return bytes.toByteArray();
    }

    private record EarlierSnapshot(double[] window, int seen) implements Serializable {
    }

    /** The latest value per key written to a store's changelog. */
    private Map<String, byte[]> changelog(String store) {
        return driver.createOutputTopic("step-stages-test-" + store + "-changelog", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer()).readKeyValuesToMap();
    }
}

package io.noetl.app.bench.stream;

import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.stream.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Latency spikes for the topology benchmark: each spike key is a one-step playbook that first runs a stable
 * baseline (pre-loaded with the bulk events), then, while a paced background load runs, a burst of executions
 * 20 times slower. The latency of a spike is from the send of its first slow event to the arrival of the
 * first {@code latency_spike} alert for that playbook on {@code noetl.alerts} (read committed).
 */
final class SpikeLatency {

    static final int BASELINE_EXECUTIONS = 300;
    private static final int BURST = 3;
    private static final long SLOW_MS = 2_000;

    private final String bootstrap;
    private final Names names;
    private final int keys;
    private final SyntheticEvents oneStep = new SyntheticEvents(7, 1, 1, 0.0,
            Instant.now().minus(Duration.ofHours(6)), 10);

    SpikeLatency(String bootstrap, Names names, int keys) {
        this.bootstrap = bootstrap;
        this.names = names;
        this.keys = keys;
    }

    /** @param injected spikes sent; alerted: spikes whose alert arrived; latencies over the alerted ones */
    record Result(int injected, int alerted, double p50Ms, double p99Ms, double loadEps) {
    }

    /** Sends every spike key's baseline; returns the number of events sent. */
    long baseline(Consumer<Event> sink) {
        long n = 0;
        for (int round = 0; round < BASELINE_EXECUTIONS; round++) {
            for (int k = 0; k < keys; k++) {
                for (Event e : oneStep.execution(playbook(k), 0, null)) {
                    sink.accept(e);
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Runs the paced load for {@code duration} and injects one burst per key spread over it, then waits up to
     * 10 s for the last alerts.
     */
    Result inject(SyntheticEvents load, Consumer<Event> sink, Runnable flush, double loadEps, Duration duration)
            throws InterruptedException {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> alertedAt = new ConcurrentHashMap<>();
        Thread watcher = Thread.ofPlatform().name("bench-alert-watch").start(() -> watch(alertedAt));
        Thread.sleep(1_000); // the watcher is positioned at the end of the topic
        long start = System.nanoTime();
        long durationNanos = duration.toNanos();
        long sent = 0;
        int next = 0;
        while (System.nanoTime() - start < durationNanos) {
            long elapsed = System.nanoTime() - start;
            if (next < keys && elapsed >= (next + 1) * durationNanos / (keys + 1)) {
                flush.run();
                String playbook = playbook(next++);
                sentAt.put(playbook, System.nanoTime());
                for (int i = 0; i < BURST; i++) {
                    oneStep.execution(playbook, 0, SLOW_MS).forEach(sink);
                }
                flush.run();
            }
            long due = (long) (loadEps * elapsed / 1e9);
            while (sent < due) {
                for (Event e : load.execution()) {
                    sink.accept(e);
                    sent++;
                }
            }
            Thread.sleep(1);
        }
        flush.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (alertedAt.size() < sentAt.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        watcher.interrupt();
        watcher.join(5_000);
        double[] latencies = sentAt.entrySet().stream().filter(e -> alertedAt.containsKey(e.getKey()))
                .mapToDouble(e -> (alertedAt.get(e.getKey()) - e.getValue()) / 1e6).sorted().toArray();
        return new Result(sentAt.size(), latencies.length, percentile(latencies, 0.50), percentile(latencies, 0.99),
                sent / (duration.toNanos() / 1e9));
    }

    private void watch(Map<String, Long> alertedAt) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(names.alertsTopic())
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    Alert alert = Json.read(r.value(), Alert.class);
                    if (Alert.LATENCY_SPIKE.equals(alert.type()) && alert.playbookPath() != null) {
                        alertedAt.putIfAbsent(alert.playbookPath(), System.nanoTime());
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String playbook(int k) {
        return "bench/spike_" + k;
    }

    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}

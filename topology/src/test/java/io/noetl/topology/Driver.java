package io.noetl.topology;

import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.DeadLetter;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.NormalizedEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** A {@link TopologyTestDriver} over {@link NoetlTopology} with typed topics and small helpers. */
final class Driver implements AutoCloseable {

    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    final TopologyConfig cfg;
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> raw;
    final TestOutputTopic<String, NormalizedEvent> events;
    final TestOutputTopic<String, DeadLetter> dlq;
    final TestOutputTopic<String, ExecutionTrace> traces;
    final TestOutputTopic<String, Alert> alerts;

    Driver(Path stateDir) {
        this(TopologyConfig.defaults(Names.DEFAULT), stateDir);
    }

    Driver(TopologyConfig cfg, Path stateDir) {
        this.cfg = cfg;
        Properties p = StreamsSettings.properties("unused:9092", cfg, stateDir, Duration.ofMillis(100));
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        this.driver = new TopologyTestDriver(NoetlTopology.build(cfg), p, T0);
        Names n = cfg.names();
        raw = driver.createInputTopic(n.rawEventsTopic(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        events = output(Topics.events(n));
        dlq = output(Topics.deadLetters(n));
        traces = output(Topics.traces(n));
        alerts = output(Topics.alerts(n));
    }

    private <K, V> TestOutputTopic<K, V> output(Topic<K, V> t) {
        return driver.createOutputTopic(t.name(), t.keySerde().deserializer(), t.valueSerde().deserializer());
    }

    /** Pipes an event keyed by its execution id, ingested at the event's own time. */
    void pipe(Event e) {
        pipe(e.executionId(), Json.bytes(e), e.timestamp());
    }

    void pipe(String key, byte[] value, Instant ingest) {
        raw.pipeInput(new TestRecord<>(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, ingest));
    }

    void pipeAll(List<Event> events) {
        events.forEach(this::pipe);
    }

    /** Lets the trace punctuator run: traces are emitted once per commit interval of wall-clock time. */
    void flush() {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    /** The latest trace per execution emitted so far (reads the output topic). */
    Map<String, ExecutionTrace> latestTraces() {
        Map<String, ExecutionTrace> latest = new LinkedHashMap<>();
        traces.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    ExecutionTrace traceOf(String executionId) {
        flush();
        return latestTraces().get(executionId);
    }

    /**
     * Closes the driver as a stopped instance would, keeping its state dir. The test driver wipes its state dir on
     * close, so the task is closed cleanly first (stores flushed and checkpointed, as {@code close} does), the
     * files are kept aside while the driver closes, then put back.
     */
    void closeKeepingState(Path stateDir) {
        try {
            java.lang.reflect.Field f = TopologyTestDriver.class.getDeclaredField("task");
            f.setAccessible(true);
            var task = (org.apache.kafka.streams.processor.internals.StreamTask) f.get(driver);
            task.suspend();
            task.prepareCommit(true);
            task.postCommit(true);
            task.closeClean();
            f.set(driver, null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("close the test driver's task", e);
        }
        Path saved = stateDir.resolveSibling(stateDir.getFileName() + "-saved");
        copy(stateDir, saved);
        driver.close();
        copy(saved, stateDir);
    }

    private static void copy(Path from, Path to) {
        try (var files = java.nio.file.Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(target);
                } else if (!f.getFileName().toString().endsWith(".lock")) {
                    java.nio.file.Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("copy " + from + " to " + to, e);
        }
    }

    /** A ULID of the given millisecond (event ids are made when the event happens). */
    static String ulidAt(Instant t) {
        String random = io.noetl.schemas.Ulid.next().substring(10);
        char[] alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
        char[] time = new char[10];
        long ms = t.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            time[i] = alphabet[(int) (ms & 31)];
            ms >>>= 5;
        }
        return new String(time) + random;
    }

    @Override
    public void close() {
        driver.close();
    }
}

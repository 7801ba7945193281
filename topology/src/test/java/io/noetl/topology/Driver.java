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

    @Override
    public void close() {
        driver.close();
    }
}

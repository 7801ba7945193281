package io.noetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.noetl.app.bench.stream.SyntheticEvents;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.nats.JetStreamSetup;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.StepMetrics;
import io.noetl.testkit.KafkaTestBroker;
import io.noetl.testkit.NatsTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The stream side as a separate process ({@code noetl bridge}: bridge + topology), killed with SIGKILL in the middle
 * of a stream and started again on the same data directory, with some events delivered twice: every event is
 * counted once in the execution traces and in the step metrics.
 */
class StreamCrashIT {

    private static final int EXECUTIONS = 60;
    private static final Duration SETTLE = Duration.ofSeconds(120);

    @Test
    @DisplayName("when the bridge and the topology are killed mid-stream and restarted, every event is counted once")
    void everyEventCountedOnceAcrossAKill() throws Exception {
        Names names = new Names("crash" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL) + "_");
        String bootstrap = KafkaTestBroker.shared().bootstrapServers();
        Path dataDir = Files.createTempDirectory("noetl-crash-it");
        // a short event-time span (well inside the metrics windows' grace), two steps, some failures and retries
        SyntheticEvents generator = new SyntheticEvents(11, 1, 2, 0.15, Instant.now(), 1);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < EXECUTIONS; i++) {
            events.addAll(generator.execution());
        }
        int firstPart = events.size() * 6 / 10;
        try (Connection nc = Nats.connect(NatsTestServer.shared().url());
                StreamRole role = new StreamRole(names, bootstrap, dataDir)) {
            JetStreamSetup.ensure(nc, names);
            JetStream js = nc.jetStream();
            publish(js, names, events.subList(0, firstPart), true);

            role.start();
            KafkaReader reader = new KafkaReader(bootstrap);
            reader.awaitRecords(names.rawEventsTopic(), firstPart / 3, SETTLE);
            role.kill();

            publish(js, names, events.subList(firstPart, events.size()), true);
            // redeliveries: the same events again under other message ids, as a bridge that crashed before its
            // acks would write them to Kafka a second time
            publish(js, names, events.subList(0, 40), false);
            role.start();

            Map<String, Long> expectedPerExecution = events.stream()
                    .collect(Collectors.groupingBy(Event::executionId, Collectors.counting()));
            Map<String, Long> expectedPerStep = events.stream()
                    .filter(e -> e.eventType().equals(EventTypes.CALL_DONE) || e.eventType().equals(EventTypes.CALL_ERROR))
                    .collect(Collectors.groupingBy(e -> e.playbookPath() + "/" + e.step(), Collectors.counting()));

            Map<String, Long> traced = Map.of();
            Map<String, Long> metered = Map.of();
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (System.nanoTime() < deadline) {
                traced = eventCounts(reader.latest(names.tracesTopic(), ExecutionTrace.class, t -> t.executionId()));
                metered = stepCounts(reader.latest(names.stepMetricsTopic(), StepMetrics.class,
                        m -> m.playbookPath() + "/" + m.step() + "@" + m.windowStart()));
                if (traced.equals(expectedPerExecution) && metered.equals(expectedPerStep)) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(traced).as("distinct events per execution in noetl.traces").isEqualTo(expectedPerExecution);
            assertThat(metered).as("attempts per step in noetl.metrics.step").isEqualTo(expectedPerStep);
        }
    }

    private static void publish(JetStream js, Names names, List<Event> events, boolean withMessageId)
            throws Exception {
        for (Event e : events) {
            Headers headers = new Headers().put("Noetl-Event-Type", e.eventType());
            NatsMessage message = NatsMessage.builder().subject(names.events(e.executionId())).headers(headers)
                    .data(Json.bytes(e)).build();
            PublishOptions options = withMessageId ? PublishOptions.builder().messageId(e.eventId()).build()
                    : PublishOptions.builder().build();
            js.publish(message, options);
        }
    }

    private static Map<String, Long> eventCounts(Map<String, ExecutionTrace> traces) {
        Map<String, Long> counts = new HashMap<>();
        traces.forEach((id, t) -> counts.put(id, t.eventCount()));
        return counts;
    }

    private static Map<String, Long> stepCounts(Map<String, StepMetrics> windows) {
        Map<String, Long> counts = new HashMap<>();
        windows.values().forEach(m -> counts.merge(m.playbookPath() + "/" + m.step(), m.count(), Long::sum));
        return counts;
    }
}

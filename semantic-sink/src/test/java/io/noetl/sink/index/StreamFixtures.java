package io.noetl.sink.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.RootError;
import io.noetl.schemas.stream.StepMetrics;
import io.noetl.schemas.stream.StepTrace;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Stream records as the topology writes them, and Kafka records holding them. */
public final class StreamFixtures {

    public static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final AtomicLong OFFSETS = new AtomicLong();

    private StreamFixtures() {
    }

    public static NormalizedEvent event(String eventId, String executionId, String kind, String step, long durationMs) {
        return new NormalizedEvent(eventId, executionId, null, null, "cmd-" + eventId, "demo/etl", 1, step, "python",
                "call.done", kind, "COMPLETED", T0.plusMillis(OFFSETS.get()), T0, durationMs, 1, "w1", null, null,
                null, null, null, null, null, null);
    }

    public static NormalizedEvent error(String eventId, String executionId, String step, String message) {
        return new NormalizedEvent(eventId, executionId, null, null, "cmd-" + eventId, "demo/etl", 1, step, "http",
                "call.error", Kinds.ERROR, "FAILED", T0, T0, 120L, 1, "w1", null,
                ErrorInfo.retriable("HttpError", message), null, null, "connection", "tpl-" + step,
                "connection refused to <*>", null);
    }

    public static NormalizedEvent decision(String eventId, String executionId, String step, String action) {
        ObjectNode result = Json.object();
        result.put("step", step);
        result.put("action", action);
        result.put("reasoning", "looks right");
        result.put("decided_by", "alice");
        return new NormalizedEvent(eventId, executionId, null, null, null, "demo/etl", 1, step, null,
                "decision.recorded", Kinds.DECISION, "COMPLETED", T0, T0, null, null, null, result, null, null,
                Map.of("action", action), null, null, null, null);
    }

    public static ExecutionTrace trace(String executionId, String status, long eventCount, String... steps) {
        List<StepTrace> st = java.util.Arrays.stream(steps)
                .map(s -> new StepTrace(s, "python", "COMPLETED", T0, T0.plusMillis(10), 10L, List.of(), null, null))
                .toList();
        RootError root = "FAILED".equals(status)
                ? new RootError(steps[steps.length - 1], "ev-root", "HttpError", "connection", "tpl-x",
                        "connection refused to <*>", "connection refused to db:5432")
                : null;
        return new ExecutionTrace(executionId, null, "demo/etl", 1, status, T0, T0.plusSeconds(1), 1000L, st,
                List.of(steps), "FAILED".equals(status) ? steps[steps.length - 1] : null, root, eventCount,
                T0.plusSeconds(1));
    }

    public static StepMetrics metrics(String step, Instant windowStart) {
        return new StepMetrics("demo/etl", step, windowStart, windowStart.plusSeconds(60), 10, 1, 0, 0.1, 5.0, 9.0,
                9.5, 10.0);
    }

    public static Alert alert(String alertId) {
        return new Alert(alertId, Alert.LATENCY_SPIKE, Alert.WARNING, "demo/etl/load", "demo/etl", "load", T0,
                T0.plusSeconds(60), 900, 100, 0.9, "slow", List.of("ex1"), null, T0);
    }

    public static ConsumerRecord<byte[], byte[]> record(String topic, Object value) {
        byte[] bytes = value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : Json.bytes(value);
        return new ConsumerRecord<>(topic, 0, OFFSETS.incrementAndGet(), "k".getBytes(StandardCharsets.UTF_8),
                bytes);
    }
}

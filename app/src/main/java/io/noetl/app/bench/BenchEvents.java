package io.noetl.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic events for the bridge benchmark: the types a step produces, many executions interleaved. */
final class BenchEvents {

    private static final List<String> TYPES = List.of(EventTypes.STEP_ENTER, EventTypes.COMMAND_ISSUED,
            EventTypes.COMMAND_CLAIMED, EventTypes.COMMAND_STARTED, EventTypes.CALL_DONE, EventTypes.COMMAND_COMPLETED,
            EventTypes.STEP_EXIT);

    private BenchEvents() {
    }

    /** One event as published: its subject token, type header, id and JSON bytes. */
    record BenchEvent(String executionId, String eventType, String eventId, byte[] bytes) {
    }

    /** {@code count} events spread over {@code count / 20} executions, published interleaved. */
    static List<BenchEvent> generate(int count) {
        int executions = Math.max(1, count / 20);
        List<String> ids = new ArrayList<>(executions);
        for (int i = 0; i < executions; i++) {
            ids.add(Ulid.next());
        }
        List<BenchEvent> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String execution = ids.get(i % executions);
            int n = i / executions;
            String type = TYPES.get(n % TYPES.size());
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("loop_index", n);
            meta.put("pool", "default");
            meta.put("server_id", "server-3f9a1c");
            meta.put("lane", i % 16);
            meta.put("trace", "orders-daily/" + execution.substring(16) + "/" + n);
            Event event = Event.builder(type, execution)
                    .commandId(Ulid.next())
                    .parentEventId(Ulid.next())
                    .playbookPath("data/ingestion/daily_orders_load")
                    .playbookVersion(4)
                    .step("transform_orders_" + (n / TYPES.size()))
                    .toolKind("python")
                    .status(type.equals(EventTypes.CALL_DONE) ? "COMPLETED" : "RUNNING")
                    .attempt(1)
                    .durationMs(type.equals(EventTypes.CALL_DONE) ? 120L + i % 900 : null)
                    .workerId("worker-" + (i % 8) + "-7f3a2c")
                    .result(type.equals(EventTypes.CALL_DONE) ? result(i) : null)
                    .logs(type.equals(EventTypes.CALL_DONE) ? "loaded 1200 rows from s3://bucket/orders/2025-01-01" : null)
                    .meta(meta)
                    .build();
            out.add(new BenchEvent(execution, type, event.eventId(), Json.bytes(event)));
        }
        return out;
    }

    private static JsonNode result(int i) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows_loaded", 1200 + i % 100);
        result.put("table", "analytics.orders_staging");
        result.put("quality_score", 0.97);
        result.put("partitions", List.of("2025-01-01", "2025-01-02"));
        return Json.toTree(result);
    }

    static int meanBytes(List<BenchEvent> events) {
        long total = 0;
        for (BenchEvent e : events) {
            total += e.bytes().length;
        }
        return events.isEmpty() ? 0 : (int) (total / events.size());
    }
}

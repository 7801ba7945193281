package io.noetl.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.noetl.schemas.Json;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.stream.NormalizedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NormalizedEventSerdeTest {

    private static final Instant T = Instant.parse("2025-03-01T12:00:00.123456Z");

    @Test
    @DisplayName("events are written as the same JSON as the general serde and read back as it reads them")
    void sameJsonAsTheGeneralSerde() {
        NormalizedEventSerde serde = new NormalizedEventSerde();
        for (NormalizedEvent e : samples()) {
            byte[] fast = serde.serializer().serialize("t", e);
            assertThat(Json.tree(fast)).as(e.eventType()).isEqualTo(Json.tree(Json.bytes(e)));
            assertThat(serde.deserializer().deserialize("t", fast))
                    .isEqualTo(Json.read(Json.bytes(e), NormalizedEvent.class));
        }
        assertThat(serde.serializer().serialize("t", null)).isNull();
    }

    private static List<NormalizedEvent> samples() {
        String exec = Ulid.next();
        var result = JsonNodeFactory.instance.objectNode().put("rows", 12).put("note", "ünï \"quoted\"\n");
        return List.of(
                new NormalizedEvent(Ulid.next(), exec, null, null, null, null, null, null, null, "playbook.started",
                        "workflow_start", null, T, T, null, null, null, null, null, null, null, null, null, null, null),
                new NormalizedEvent(Ulid.next(), exec, Ulid.next(), Ulid.next(), Ulid.next(), "etl/daily", 3, "load",
                        "http", "call.done", "task_end", "COMPLETED", T, T.plusMillis(5), 1234L, 2, "worker-1", result,
                        null, "line 1\nline 2", null, null, null, null, null),
                new NormalizedEvent(Ulid.next(), exec, null, null, Ulid.next(), "etl/daily", 1, "load", "python",
                        "call.error", "error", "FAILED", T, T, 0L, 1, null, JsonNodeFactory.instance.arrayNode().add(1),
                        new ErrorInfo("KeyError", "KeyError: 'x'", "Traceback...", false), null, null, "key_error",
                        "abc123", "KeyError: <*>", List.of("logs", "error.stack")),
                new NormalizedEvent(Ulid.next(), exec, null, null, null, "p", 1, "s", null, "call.error", "error",
                        null, T, T, null, null, null, JsonNodeFactory.instance.nullNode(),
                        new ErrorInfo("E", null, null, null), null, null, null, null, null, List.of()),
                new NormalizedEvent(Ulid.next(), exec, null, null, null, "p", 1, "s", null, "step.enter",
                        "lifecycle", null, T, T, null, null, null, null, null, null,
                        Map.of("clock_skew_ms", 42L, "source", "x"), null, null, null, null));
    }
}

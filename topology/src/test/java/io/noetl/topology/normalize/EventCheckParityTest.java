package io.noetl.topology.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.SchemaValidator;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventCheckParityTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "event_id|", "event_id|\"01hzzzzzzzzzzzzzzzzzzzzzzz\"", "event_id|\"81HZZZZZZZZZZZZZZZZZZZZZZZ\"",
        "event_id|42", "execution_id|null", "command_id|\"not-a-ulid\"", "parent_event_id|\"01HZZZZZZZZZZZZZZZZZZZZZZU\"",
        "event_type|\"step.exploded\"", "event_type|", "status|\"DONE\"", "status|\"COMPLETED\"",
        "tool_kind|\"perl\"", "tool_kind|\"http\"", "timestamp|\"yesterday\"", "timestamp|\"2025-03-01T12:00:00\"",
        "timestamp|\"2025-03-01T12:00:00+02:00\"", "timestamp|1740830400", "timestamp|",
        "attempt|0", "attempt|1", "attempt|\"2\"", "attempt|2.5", "attempt|3.0", "duration_ms|-1", "duration_ms|0",
        "playbook_version|0", "playbook_path|\"\"", "playbook_path|7", "step|\"\"", "step|5", "worker_id|null",
        "logs|[\"a\"]", "meta|[]", "meta|{\"a\":1}", "result|[1,2]", "result|null", "error|\"boom\"",
        "error|{\"message\":\"no type\"}", "error|{\"type\":\"\"}", "error|{\"type\":\"X\",\"retriable\":\"yes\"}",
        "error|{\"type\":\"X\",\"stack\":5}", "error|{\"type\":\"X\",\"extra\":1}", "unknown_field|1",
        "error|{\"type\":\"X\",\"class\":\"timeout\"}", "error|{\"type\":\"X\",\"class\":\"gremlins\"}",
        "error|{\"type\":\"X\",\"class\":5}", "error|{\"type\":\"X\",\"class\":\"Timeout\"}"})
    @DisplayName("the fast check accepts and rejects exactly what event.schema.json does")
    void fastCheckAgreesWithTheSchema(String field, String json) {
        ObjectNode e = (ObjectNode) Json.toTree(full());
        if (json == null) {
            e.remove(field);
        } else {
            e.set(field, Json.tree(json.getBytes(StandardCharsets.UTF_8)));
        }
        boolean schemaValid = SchemaValidator.validate(SchemaValidator.EVENT, e).isEmpty();
        String problem = EventCheck.problem(e);
        assertThat(problem == null).as("fast check %s vs schema %s", problem, schemaValid).isEqualTo(schemaValid);
        if (problem != null) {
            assertThat(problem).contains(field);
        }
    }

    private static Event full() {
        JsonNode result = Json.toTree(Map.of("rows", 3));
        return new Event(Ulid.next(), Ulid.next(), Ulid.next(), Ulid.next(), Ulid.next(), "a/b", 2, "s", "python",
                EventTypes.CALL_ERROR, "FAILED", Instant.parse("2025-03-01T12:00:00Z"), 5L, 1, "w-1", result,
                new ErrorInfo("PythonError", "boom", "trace", false), "log", Map.of("k", "v"));
    }
}

package io.noetl.schemas.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.SchemaValidator;
import io.noetl.schemas.Ulid;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamSchemasTest {

    @Test
    @DisplayName("every stream record, fully populated and serialized by Json, validates against its schema")
    void fullyPopulatedRecordsAreValid() {
        assertThat(SchemaValidator.validateNormalizedEvent(StreamFixtures.normalizedEvent())).isEmpty();
        assertThat(SchemaValidator.validateTrace(StreamFixtures.trace())).isEmpty();
        assertThat(SchemaValidator.validateStepMetrics(StreamFixtures.stepMetrics())).isEmpty();
        assertThat(SchemaValidator.validateAlert(StreamFixtures.alert())).isEmpty();
    }

    @Test
    @DisplayName("minimal records (nulls omitted) validate: only the required fields are present")
    void minimalRecordsAreValid() {
        NormalizedEvent e = new NormalizedEvent(Ulid.next(), Ulid.next(), null, null, null, null, null, null, null,
                "playbook.started", Kinds.WORKFLOW_START, null, StreamFixtures.T, StreamFixtures.T, null, null, null,
                null, null, null, null, null, null, null, null);
        assertThat(SchemaValidator.validateNormalizedEvent(e)).isEmpty();
        ExecutionTrace t = new ExecutionTrace(Ulid.next(), null, null, null, "RUNNING", null, null, null, List.of(),
                List.of(), null, null, 0, null);
        assertThat(SchemaValidator.validateTrace(t)).isEmpty();
        assertThat(SchemaValidator.validateStepMetrics(new StepMetrics(null, "s", StreamFixtures.T,
                StreamFixtures.T, 0, 0, 0, 0, null, null, null, null))).isEmpty();
    }

    @Test
    @DisplayName("a normalized event with a bad kind, a missing execution_id or a textual attempt fails naming each field")
    void brokenNormalizedEventFailsNamingFields() {
        ObjectNode e = tree(StreamFixtures.normalizedEvent());
        e.put("kind", "explosion");
        e.remove("execution_id");
        e.put("attempt", "two");
        assertThat(SchemaValidator.validate(SchemaValidator.NORMALIZED_EVENT, e)).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("kind"))
                .anySatisfy(m -> assertThat(m).contains("execution_id"))
                .anySatisfy(m -> assertThat(m).contains("attempt"));
    }

    @Test
    @DisplayName("a normalized event with an unknown error class or a malformed template id fails naming the field")
    void normalizedEventErrorFieldsAreChecked() {
        ObjectNode e = tree(StreamFixtures.normalizedEvent());
        e.put("error_class", "gremlins");
        e.put("template_id", "XYZ");
        assertThat(SchemaValidator.validate(SchemaValidator.NORMALIZED_EVENT, e)).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("error_class"))
                .anySatisfy(m -> assertThat(m).contains("template_id"));
    }

    @Test
    @DisplayName("a trace with an unknown status, a step without name and a negative event count fails naming each")
    void brokenTraceFailsNamingFields() {
        ObjectNode t = tree(StreamFixtures.trace());
        t.put("status", "DONE");
        ((ObjectNode) t.withArray("steps").get(0)).remove("step");
        t.put("event_count", -1);
        assertThat(SchemaValidator.validate(SchemaValidator.TRACE, t)).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("status"))
                .anySatisfy(m -> assertThat(m).contains("steps[0]").contains("step"))
                .anySatisfy(m -> assertThat(m).contains("event_count"));
    }

    @Test
    @DisplayName("step metrics with a textual count and a missing window start fail naming each field")
    void brokenStepMetricsFailNamingFields() {
        ObjectNode m = tree(StreamFixtures.stepMetrics());
        m.put("count", "forty");
        m.remove("window_start");
        assertThat(SchemaValidator.validate(SchemaValidator.STEP_METRICS, m)).hasSize(2)
                .anySatisfy(s -> assertThat(s).contains("count"))
                .anySatisfy(s -> assertThat(s).contains("window_start"));
    }

    @Test
    @DisplayName("an alert with an unknown type, an unknown severity and a score above 1 fails naming each field")
    void brokenAlertFailsNamingFields() {
        ObjectNode a = tree(StreamFixtures.alert());
        a.put("type", "bad_vibes");
        a.put("severity", "apocalyptic");
        a.put("score", 1.5);
        assertThat(SchemaValidator.validate(SchemaValidator.ALERT, a)).hasSize(3)
                .anySatisfy(s -> assertThat(s).contains("type"))
                .anySatisfy(s -> assertThat(s).contains("severity"))
                .anySatisfy(s -> assertThat(s).contains("score"));
    }

    @Test
    @DisplayName("a field the record does not have is rejected, so a schema cannot drift from its record unnoticed")
    void unknownFieldIsRejected() {
        ObjectNode a = tree(StreamFixtures.alert());
        a.put("colour", "red");
        assertThat(SchemaValidator.validate(SchemaValidator.ALERT, a)).singleElement().asString().contains("colour");
    }

    @Test
    @DisplayName("every listed schema loads")
    void everyListedSchemaLoads() {
        for (String schema : SchemaValidator.ALL) {
            assertThat(SchemaValidator.validate(schema, Json.object())).as(schema).isNotNull();
        }
    }

    private static ObjectNode tree(Object record) {
        JsonNode node = Json.toTree(record);
        return (ObjectNode) node;
    }
}

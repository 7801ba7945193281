package io.noetl.schemas.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.SchemaValidator;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassContractTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"event.schema.json, /$defs/error_class/enum", "normalized-event.schema.json, /$defs/error_class/enum",
        "trace.schema.json, /$defs/error_class/enum"})
    @DisplayName("every schema's error class enum is exactly the classifier's classes")
    void schemaEnumsAreTheTaxonomy(String schema, String pointer) throws IOException {
        JsonNode enumNode;
        try (InputStream in = SchemaValidator.class.getResourceAsStream("/schemas/" + schema)) {
            enumNode = Json.mapper().readTree(in).at(pointer);
        }
        List<String> names = new ArrayList<>();
        enumNode.forEach(n -> names.add(n.asText()));
        assertThat(names).containsExactlyElementsOf(Arrays.stream(ErrorClass.values())
                .map(ErrorClass::wireName).toList());
    }

    @Test
    @DisplayName("a raw event's error carries its class as JSON 'class', valid against event.schema.json")
    void errorClassIsOnTheWireAsClass() {
        ErrorInfo error = ErrorInfo.retriable("HttpError", "HTTP 503 from GET http://x/")
                .withClass(ErrorClass.DEPENDENCY_5XX);
        Event e = Event.builder(EventTypes.CALL_ERROR, Ulid.next()).error(error).build();
        JsonNode tree = Json.toTree(e);

        assertThat(tree.at("/error/class").asText()).isEqualTo("dependency_5xx");
        assertThat(SchemaValidator.validate(SchemaValidator.EVENT, tree)).isEmpty();
        assertThat(Json.read(Json.bytes(e), Event.class).error()).isEqualTo(error);
        assertThat(Json.toTree(ErrorInfo.fatal("X", "y")).has("class")).isFalse();
    }

    @Test
    @DisplayName("a raw event with an error class outside the taxonomy is rejected naming the field")
    void unknownErrorClassIsRejected() {
        ObjectNode tree = (ObjectNode) Json.toTree(Event.builder(EventTypes.CALL_ERROR, Ulid.next())
                .error(ErrorInfo.fatal("X", "y")).build());
        ((ObjectNode) tree.get("error")).put("class", "gremlins");
        assertThat(SchemaValidator.validate(SchemaValidator.EVENT, tree))
                .anySatisfy(m -> assertThat(m).contains("class"));
    }
}

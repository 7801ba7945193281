package io.noetl.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --workload '{"k": "v"}'}: a JSON object, or a usage error naming what is wrong. */
final class JsonObjectConverter implements ITypeConverter<JsonObjectConverter.Workload> {

    /** A workload given on the command line: a JSON object as plain maps, lists and values. */
    record Workload(Map<String, Object> values) {
    }


    @Override
    public Workload convert(String value) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new TypeConversionException("not valid JSON (" + e.getOriginalMessage() + "): " + value);
        }
        if (node == null || !node.isObject()) {
            throw new TypeConversionException("must be a JSON object such as '{\"key\": \"value\"}', got: " + value);
        }
        return new Workload(Json.plainMap(node));
    }
}

package io.noetl.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.decision.Decision;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.playbook.PlaybookException;
import io.noetl.schemas.playbook.PlaybookParser;
import io.noetl.schemas.playbook.Problem;
import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.StepMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON documents against the JSON Schemas (draft 2020-12) in {@code schemas/} on the class path.
 * Compiled schemas are cached; validation is thread-safe.
 */
public final class SchemaValidator {

    public static final String PLAYBOOK = "playbook.schema.json";
    public static final String COMMAND = "command.schema.json";
    public static final String EVENT = "event.schema.json";
    public static final String DECISION = "decision.schema.json";
    public static final String NORMALIZED_EVENT = "normalized-event.schema.json";
    public static final String TRACE = "trace.schema.json";
    public static final String STEP_METRICS = "step-metrics.schema.json";
    public static final String ALERT = "alert.schema.json";
    /** Every schema file, for tools that list or preload them. */
    public static final List<String> ALL =
            List.of(PLAYBOOK, COMMAND, EVENT, DECISION, NORMALIZED_EVENT, TRACE, STEP_METRICS, ALERT);

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .locale(Locale.ROOT)
            .build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private SchemaValidator() {
    }

    /**
     * Every violation of {@code schemaFile} by {@code doc}, each naming the field ({@code $.execution_id: ...});
     * empty when it is valid.
     *
     * @param schemaFile a file name under {@code schemas/}, e.g. {@link #EVENT}
     * @throws IllegalArgumentException when there is no such schema
     */
    public static List<String> validate(String schemaFile, JsonNode doc) {
        return schema(schemaFile).validate(doc).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    public static List<String> validateEvent(Event event) {
        return validate(EVENT, Json.toTree(event));
    }

    public static List<String> validateCommand(Command command) {
        return validate(COMMAND, Json.toTree(command));
    }

    public static List<String> validateDecision(Decision decision) {
        return validate(DECISION, Json.toTree(decision));
    }

    public static List<String> validateNormalizedEvent(NormalizedEvent event) {
        return validate(NORMALIZED_EVENT, Json.toTree(event));
    }

    public static List<String> validateTrace(ExecutionTrace trace) {
        return validate(TRACE, Json.toTree(trace));
    }

    public static List<String> validateStepMetrics(StepMetrics metrics) {
        return validate(STEP_METRICS, Json.toTree(metrics));
    }

    public static List<String> validateAlert(Alert alert) {
        return validate(ALERT, Json.toTree(alert));
    }

    /**
     * Playbook YAML validated against {@link #PLAYBOOK}; malformed YAML yields one message with its line.
     * Graph and template checks need {@link PlaybookParser#parse(String)}.
     */
    public static List<String> validatePlaybookYaml(String yaml) {
        try {
            return validate(PLAYBOOK, PlaybookParser.toJson(yaml));
        } catch (PlaybookException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    private static JsonSchema schema(String schemaFile) {
        return CACHE.computeIfAbsent(schemaFile, SchemaValidator::load);
    }

    private static JsonSchema load(String schemaFile) {
        String resource = "/schemas/" + schemaFile;
        try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no JSON Schema " + resource + " on the class path");
            }
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException("read JSON Schema " + resource, e);
        }
    }
}

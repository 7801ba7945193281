package io.noetl.topology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.stream.NormalizedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of {@code noetl.events}: the same JSON as {@link JsonSerde} ({@link Json}: snake_case, ISO instants,
 * nulls omitted), written field by field with a streaming generator instead of reflective bean serialization — every
 * accepted event is written once, so this is on the hot path. Events carrying {@code meta} (an open map) are
 * written by {@link Json} itself. Reading is {@link Json}'s.
 */
public final class NormalizedEventSerde implements Serde<NormalizedEvent> {

    private static final JsonFactory FACTORY = Json.mapper().getFactory();
    private static final Deserializer<NormalizedEvent> READER = JsonSerde.of(NormalizedEvent.class).deserializer();

    @Override
    public Serializer<NormalizedEvent> serializer() {
        return (topic, value) -> value == null ? null : bytes(value);
    }

    @Override
    public Deserializer<NormalizedEvent> deserializer() {
        return READER;
    }

    /** The JSON of an event, as {@link Json#bytes} writes it. */
    public static byte[] bytes(NormalizedEvent e) {
        if (e.meta() != null) {
            return Json.bytes(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            str(g, "event_id", e.eventId());
            str(g, "execution_id", e.executionId());
            str(g, "parent_execution_id", e.parentExecutionId());
            str(g, "parent_event_id", e.parentEventId());
            str(g, "command_id", e.commandId());
            str(g, "playbook_path", e.playbookPath());
            if (e.playbookVersion() != null) {
                g.writeNumberField("playbook_version", e.playbookVersion());
            }
            str(g, "step", e.step());
            str(g, "tool_kind", e.toolKind());
            str(g, "event_type", e.eventType());
            str(g, "kind", e.kind());
            str(g, "status", e.status());
            instant(g, "timestamp", e.timestamp());
            instant(g, "ingested_at", e.ingestedAt());
            if (e.durationMs() != null) {
                g.writeNumberField("duration_ms", e.durationMs());
            }
            if (e.attempt() != null) {
                g.writeNumberField("attempt", e.attempt());
            }
            str(g, "worker_id", e.workerId());
            if (e.result() != null) {
                g.writeFieldName("result");
                g.writeTree(e.result());
            }
            error(g, e.error());
            str(g, "logs", e.logs());
            str(g, "error_class", e.errorClass());
            str(g, "template_id", e.templateId());
            str(g, "template", e.template());
            if (e.truncated() != null) {
                g.writeArrayFieldStart("truncated");
                for (String field : e.truncated()) {
                    g.writeString(field);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new IllegalArgumentException("cannot serialize event " + e.eventId(), ex);
        }
        return out.toByteArray();
    }

    private static void error(JsonGenerator g, ErrorInfo err) throws IOException {
        if (err == null) {
            return;
        }
        g.writeObjectFieldStart("error");
        str(g, "type", err.type());
        str(g, "message", err.message());
        str(g, "stack", err.stack());
        // as the bean serializer does: the is-getter names the property, so an unknown retriability reads false
        g.writeBooleanField("retriable", err.isRetriable());
        g.writeEndObject();
    }

    private static void str(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void instant(JsonGenerator g, String name, Instant value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString());
        }
    }
}

package io.noetl.topology;

import io.noetl.schemas.Names;
import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.DeadLetter;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.StepMetrics;
import org.apache.kafka.common.serialization.Serdes;

/** The topology's topics (DESIGN.md, "Names on the wire") as typed descriptors. */
public final class Topics {

    private Topics() {
    }

    /** Raw events as bridged: read as bytes, so no record can fail deserialization. */
    public static Topic<byte[], byte[]> rawEvents(Names names) {
        return new Topic<>(names.rawEventsTopic(), Serdes.ByteArray(), Serdes.ByteArray());
    }

    /** Normalized events keyed by execution id. */
    public static Topic<String, NormalizedEvent> events(Names names) {
        return new Topic<>(names.eventsTopic(), Serdes.String(), new NormalizedEventSerde());
    }

    /** Records that could not be accepted, keyed by execution id when known. */
    public static Topic<String, DeadLetter> deadLetters(Names names) {
        return new Topic<>(names.deadLetterTopic(), Serdes.String(), JsonSerde.of(DeadLetter.class));
    }

    /** Latest trace per execution (compacted), keyed by execution id. */
    public static Topic<String, ExecutionTrace> traces(Names names) {
        return new Topic<>(names.tracesTopic(), Serdes.String(), JsonSerde.of(ExecutionTrace.class));
    }

    /** Windowed step metrics keyed by {@code playbook/step}. */
    public static Topic<String, StepMetrics> stepMetrics(Names names) {
        return new Topic<>(names.stepMetricsTopic(), Serdes.String(), JsonSerde.of(StepMetrics.class));
    }

    /** Alerts keyed by {@code playbook/step}. */
    public static Topic<String, Alert> alerts(Names names) {
        return new Topic<>(names.alertsTopic(), Serdes.String(), JsonSerde.of(Alert.class));
    }
}

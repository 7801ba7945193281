package io.noetl.topology.metrics;

import io.noetl.schemas.Names;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.topology.JsonSerde;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;

/** Normalized events and driver settings for the per-step stages' tests. */
public final class TestEvents {

    public static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final AtomicLong SEQ = new AtomicLong();

    private TestEvents() {
    }

    /** A normalized event of a counted or other kind. */
    public static NormalizedEvent event(String executionId, String playbook, String step, String kind, Instant ts,
            Long durationMs, String templateId) {
        String type = switch (kind) {
            case Kinds.TASK_END -> EventTypes.CALL_DONE;
            case Kinds.ERROR -> EventTypes.CALL_ERROR;
            case Kinds.RETRY -> EventTypes.RETRY_SCHEDULED;
            default -> EventTypes.STEP_ENTER;
        };
        boolean error = Kinds.ERROR.equals(kind);
        return new NormalizedEvent("ev" + SEQ.incrementAndGet(), executionId, null, null, "cmd", playbook, 1, step,
                "python", type, kind, error ? "FAILED" : "COMPLETED", ts, ts, durationMs, 1, "w1", null,
                error ? ErrorInfo.of("RuntimeError", "boom " + templateId) : null, null, null,
                error ? "runtime" : null, templateId, error ? "boom <*>" : null, null);
    }

    public static NormalizedEvent done(String exec, String playbook, String step, Instant ts, long durationMs) {
        return event(exec, playbook, step, Kinds.TASK_END, ts, durationMs, null);
    }

    public static NormalizedEvent failed(String exec, String playbook, String step, Instant ts, long durationMs,
            String templateId) {
        return event(exec, playbook, step, Kinds.ERROR, ts, durationMs, templateId);
    }

    /** The mini topology's input: normalized events keyed by execution id. */
    public static KStream<String, NormalizedEvent> source(StreamsBuilder b, Names names) {
        return b.stream(names.eventsTopic(), Consumed.with(Serdes.String(), JsonSerde.of(NormalizedEvent.class)));
    }

    public static Properties props(Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "step-stages-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return p;
    }
}

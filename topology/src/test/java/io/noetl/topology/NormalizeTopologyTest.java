package io.noetl.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.stream.DeadLetter;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.topology.normalize.Normalizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizeTopologyTest {

    @TempDir
    Path stateDir;
    private Driver d;

    @BeforeEach
    void start() {
        d = new Driver(stateDir);
    }

    @AfterEach
    void stop() {
        d.close();
    }

    @Test
    @DisplayName("malformed JSON goes to the dead letter topic with the parse error, its origin and its bytes")
    void malformedJsonIsDeadLettered() {
        byte[] bad = "{\"event_id\": ".getBytes(StandardCharsets.UTF_8);
        d.pipe("k1", bad, Driver.T0);
        TestRecord<String, DeadLetter> r = d.dlq.readRecord();
        assertThat(r.key()).isEqualTo("k1");
        assertThat(r.value().reason()).startsWith("malformed JSON");
        assertThat(r.value().sourceTopic()).isEqualTo(Names.DEFAULT.rawEventsTopic());
        assertThat(r.value().partition()).isZero();
        assertThat(r.value().offset()).isZero();
        assertThat(r.value().originalBytes()).isEqualTo(bad);
        assertThat(r.value().originalSize()).isEqualTo(bad.length);
        assertThat(d.events.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("trailing garbage after the JSON object is malformed too")
    void trailingGarbageIsMalformed() {
        d.pipe("k", (Json.string(event()) + " garbage").getBytes(StandardCharsets.UTF_8), Driver.T0);
        assertThat(d.dlq.readValue().reason()).startsWith("malformed JSON");
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"event_id", "execution_id", "event_type", "timestamp"})
    @DisplayName("an event missing a required field is dead-lettered with a reason naming the field")
    void missingRequiredFieldIsDeadLettered(String field) {
        ObjectNode e = (ObjectNode) Json.toTree(event());
        e.remove(field);
        d.pipe("k", Json.bytes(e), Driver.T0);
        DeadLetter letter = d.dlq.readValue();
        assertThat(letter.reason()).contains(field);
        assertThat(d.events.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("an unknown event_type is dead-lettered naming event_type, keyed by the execution id it names")
    void unknownEventTypeIsDeadLettered() {
        Event event = event();
        ObjectNode e = (ObjectNode) Json.toTree(event);
        e.put("event_type", "step.exploded");
        d.pipe("other-key", Json.bytes(e), Driver.T0);
        KeyValue<String, DeadLetter> kv = d.dlq.readKeyValue();
        assertThat(kv.key).isEqualTo(event.executionId());
        assertThat(kv.value.reason()).contains("event_type");
    }

    @Test
    @DisplayName("wrong types (a textual attempt, a numeric step, a non-object error) are dead-lettered naming the field")
    void wrongTypesAreDeadLettered() {
        for (String[] broken : List.of(new String[] {"attempt", "\"two\""}, new String[] {"step", "5"},
                new String[] {"error", "\"boom\""}, new String[] {"timestamp", "\"yesterday\""})) {
            ObjectNode e = (ObjectNode) Json.toTree(event());
            e.set(broken[0], Json.tree(broken[1].getBytes(StandardCharsets.UTF_8)));
            d.pipe("k", Json.bytes(e), Driver.T0);
            assertThat(d.dlq.readValue().reason()).as(broken[0]).contains(broken[0]);
        }
        assertThat(d.events.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a record over the max event bytes is dead-lettered unparsed with its real size recorded")
    void oversizedRecordIsDeadLettered() {
        byte[] big = new byte[d.cfg.maxEventBytes() + 1];
        Arrays.fill(big, (byte) 'x');
        d.pipe("k", big, Driver.T0);
        DeadLetter letter = d.dlq.readValue();
        assertThat(letter.reason()).contains("exceeds the max event bytes");
        assertThat(letter.originalSize()).isEqualTo(big.length);
        assertThat(letter.originalBytes().length).isEqualTo(Normalizer.MAX_DEAD_LETTER_BYTES);
    }

    @Test
    @DisplayName("an empty record is dead-lettered, and the stream keeps going after bad records")
    void emptyRecordIsDeadLetteredAndTheStreamGoesOn() {
        d.pipe("k", new byte[0], Driver.T0);
        d.pipe("k", null, Driver.T0);
        d.pipe(event());
        assertThat(d.dlq.readValuesToList()).hasSize(2).allSatisfy(l -> assertThat(l.reason()).contains("empty"));
        assertThat(d.events.readValuesToList()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "playbook.started, workflow_start", "playbook.completed, workflow_end", "playbook.failed, workflow_end",
        "playbook.cancelled, workflow_end", "command.started, task_start", "call.done, task_end",
        "call.error, error", "retry.scheduled, retry", "decision.recorded, decision", "step.enter, lifecycle",
        "step.exit, lifecycle", "command.issued, lifecycle", "command.claimed, lifecycle",
        "command.completed, lifecycle", "command.failed, lifecycle", "loop.item, lifecycle", "loop.done, lifecycle"})
    @DisplayName("each event type maps to its canonical kind")
    void eventTypeMapsToKind(String type, String kind) {
        d.pipe(Event.builder(type, Ulid.next()).timestamp(Driver.T0).build());
        assertThat(d.events.readValue().kind()).isEqualTo(kind);
    }

    @Test
    @DisplayName("every event type of the contract has a kind")
    void everyEventTypeHasAKind() {
        assertThat(EventTypes.ALL).allSatisfy(t -> assertThat(Kinds.of(t)).isNotNull());
    }

    @Test
    @DisplayName("output is keyed by execution id even when the raw key differs, and carries the ingest time")
    void outputIsKeyedByExecutionId() {
        Event e = event();
        d.pipe("not-the-execution", Json.bytes(e), e.timestamp().plusMillis(250));
        TestRecord<String, NormalizedEvent> r = d.events.readRecord();
        assertThat(r.key()).isEqualTo(e.executionId());
        assertThat(r.value().ingestedAt()).isEqualTo(e.timestamp().plusMillis(250));
        assertThat(r.value().eventId()).isEqualTo(e.eventId());
        assertThat(r.timestamp()).isEqualTo(e.timestamp().toEpochMilli());
    }

    @Test
    @DisplayName("logs, error message and stack longer than the bound are cut and named in truncated")
    void longFieldsAreCut() {
        String longText = "y".repeat(d.cfg.maxFieldChars() + 10);
        Event e = event().toBuilder().logs(longText)
                .error(new ErrorInfo("PythonError", longText, longText, false)).build();
        d.pipe(e);
        NormalizedEvent n = d.events.readValue();
        assertThat(n.logs()).hasSize(d.cfg.maxFieldChars());
        assertThat(n.error().message()).hasSize(d.cfg.maxFieldChars());
        assertThat(n.error().stack()).hasSize(d.cfg.maxFieldChars());
        assertThat(n.truncated()).containsExactly("logs", "error.message", "error.stack");
    }

    @Test
    @DisplayName("a timestamp further ahead of the ingest time than the max skew is clamped, the skew kept in meta")
    void futureTimestampIsClamped() {
        Event e = event().toBuilder().timestamp(Driver.T0.plus(Duration.ofHours(1))).build();
        d.pipe(e.executionId(), Json.bytes(e), Driver.T0);
        NormalizedEvent n = d.events.readValue();
        assertThat(n.timestamp()).isEqualTo(Driver.T0);
        assertThat(((Number) n.meta().get(Normalizer.CLOCK_SKEW_MS)).longValue()).isEqualTo(3_600_000L);
    }

    @Test
    @DisplayName("a timestamp slightly ahead (within the max skew) is kept as is")
    void smallSkewIsKept() {
        Event e = event().toBuilder().timestamp(Driver.T0.plusSeconds(30)).build();
        d.pipe(e.executionId(), Json.bytes(e), Driver.T0);
        NormalizedEvent n = d.events.readValue();
        assertThat(n.timestamp()).isEqualTo(Driver.T0.plusSeconds(30));
        assertThat(n.meta()).isNull();
    }

    private static Event event() {
        return Event.builder(EventTypes.COMMAND_STARTED, Ulid.next()).step("load").commandId(Ulid.next()).attempt(1)
                .timestamp(Driver.T0).build();
    }
}

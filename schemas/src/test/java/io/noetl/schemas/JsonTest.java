package io.noetl.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void eventRoundTripKeepsEveryField() {
        Event event = Fixtures.event();
        assertThat(Json.read(Json.bytes(event), Event.class)).isEqualTo(event);
        assertThat(Json.read(Json.string(event), Event.class)).isEqualTo(event);
    }

    @Test
    void commandRoundTripKeepsEveryField() {
        Command command = Fixtures.command();
        assertThat(Json.read(Json.bytes(command), Command.class)).isEqualTo(command);
    }

    @Test
    void pipelineTasksGoOnTheWireWithTheirRulesSpeltAsInPlaybooks() {
        JsonNode tasks = Json.toTree(Fixtures.command()).get("tasks");
        assertThat(tasks.get(0).get("name").asText()).isEqualTo("notify");
        assertThat(tasks.get(0).get("tool").get("kind").asText()).isEqualTo("http");
        JsonNode retry = tasks.get(0).get("policy").get(0);
        assertThat(retry.get("do").asText()).isEqualTo("retry");
        assertThat(retry.get("delay_ms").asLong()).isEqualTo(500L);
        JsonNode jump = tasks.get(0).get("policy").get(1);
        assertThat(jump.get("to").asText()).isEqualTo("record");
        assertThat(jump.get("set").get("iter.page").asText()).isEqualTo("{{ iter.page + 1 }}");
        assertThat(jump.has("when")).isFalse();
    }

    @Test
    void commandOfAnOlderProducerWithoutPipelineReadsWithNoTasks() {
        Command c = Fixtures.command();
        Command old = new Command(c.commandId(), c.executionId(), null, c.playbookPath(), 1, c.step(), "python",
                "default", 1, null, c.tool(), c.context(), List.of(), null, c.issuedAt(), c.issuedEventId());
        Command read = Json.read(Json.bytes(old), Command.class);
        assertThat(read.tasks()).isNull();
        assertThat(read.cursor()).isNull();
        assertThat(read).isEqualTo(old);
    }

    @Test
    void fieldNamesAreSnakeCaseAndInstantsIsoStrings() {
        JsonNode tree = Json.toTree(Fixtures.event());
        assertThat(tree.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "event_id", "execution_id", "parent_execution_id", "parent_event_id", "command_id",
                "playbook_path", "playbook_version", "step", "tool_kind", "event_type", "status", "timestamp",
                "duration_ms", "attempt", "worker_id", "result", "error", "logs", "meta");
        assertThat(tree.get("timestamp").asText()).isEqualTo("2025-03-01T12:34:56.789Z");
        assertThat(tree.get("error").get("retriable").asBoolean()).isFalse();
    }

    @Test
    void nullsAreOmitted() {
        JsonNode tree = Json.toTree(Event.builder(EventTypes.PLAYBOOK_STARTED, Ulid.next()).build());
        assertThat(tree.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("event_id", "execution_id", "event_type", "timestamp");
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = "{\"event_id\":\"" + Ulid.next() + "\",\"execution_id\":\"x\",\"event_type\":\"step.enter\","
                + "\"timestamp\":\"2025-03-01T12:34:56Z\",\"added_later\":1}";
        assertThat(Json.read(json, Event.class).eventType()).isEqualTo("step.enter");
    }

    @Test
    void malformedJsonIsRejectedNamingTheType() {
        assertThatThrownBy(() -> Json.read("{nope", Event.class)).hasMessageContaining("Event");
        assertThat(Json.plain(Json.toTree(List.of(1, "a")))).isEqualTo(List.of(1, "a"));
    }
}

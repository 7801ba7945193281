package io.noetl.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.decision.Decision;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.PlaybookParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaValidatorTest {

    @Test
    void fullyPopulatedEventCommandAndDecisionAreValid() {
        assertThat(SchemaValidator.validateEvent(Fixtures.event())).isEmpty();
        assertThat(SchemaValidator.validateCommand(Fixtures.command())).isEmpty();
        assertThat(SchemaValidator.validateDecision(new Decision("await_human_approval", "approve", "looks fine", "ana")))
                .isEmpty();
    }

    @Test
    void minimalEventFromTheBuilderIsValid() {
        assertThat(SchemaValidator.validateEvent(Fixtures.event().toBuilder().build())).isEmpty();
        assertThat(SchemaValidator.validateEvent(
                io.noetl.schemas.event.Event.builder(EventTypes.PLAYBOOK_STARTED, Ulid.next()).build())).isEmpty();
    }

    @Test
    void eventWithoutExecutionIdFailsNamingIt() {
        ObjectNode event = (ObjectNode) Json.toTree(Fixtures.event());
        event.remove("execution_id");
        assertThat(SchemaValidator.validate(SchemaValidator.EVENT, event))
                .singleElement().asString().contains("execution_id");
    }

    @Test
    void eventWithUnknownEventTypeFailsNamingIt() {
        ObjectNode event = (ObjectNode) Json.toTree(Fixtures.event());
        event.put("event_type", "step.exploded");
        assertThat(SchemaValidator.validate(SchemaValidator.EVENT, event))
                .singleElement().asString().contains("event_type");
    }

    @Test
    void eventWithBadUlidOrStatusOrTimestampFailsNamingEachField() {
        ObjectNode event = (ObjectNode) Json.toTree(Fixtures.event());
        event.put("event_id", "01HZZZZZZZZZZZZZZZZZZZZZZU");
        event.put("status", "DONE");
        event.put("timestamp", "yesterday");
        assertThat(SchemaValidator.validate(SchemaValidator.EVENT, event)).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("event_id"))
                .anySatisfy(m -> assertThat(m).contains("status"))
                .anySatisfy(m -> assertThat(m).contains("timestamp"));
    }

    @Test
    void commandWithBadIdsAndAttemptFailsNamingEachField() {
        ObjectNode command = (ObjectNode) Json.toTree(Fixtures.command());
        command.put("command_id", "not-a-ulid");
        command.remove("execution_id");
        command.put("attempt", 0);
        command.put("tool_kind", "perl");
        assertThat(SchemaValidator.validate(SchemaValidator.COMMAND, command)).hasSize(4)
                .anySatisfy(m -> assertThat(m).contains("command_id"))
                .anySatisfy(m -> assertThat(m).contains("execution_id"))
                .anySatisfy(m -> assertThat(m).contains("attempt"))
                .anySatisfy(m -> assertThat(m).contains("tool_kind"));
    }

    @Test
    void commandWhosePipelineRuleHasAnUnknownActionFailsNamingIt() {
        ObjectNode command = (ObjectNode) Json.toTree(Fixtures.command());
        ((ObjectNode) command.get("tasks").get(0).get("policy").get(0)).put("do", "explode");
        assertThat(SchemaValidator.validate(SchemaValidator.COMMAND, command))
                .singleElement().asString().contains("do");
    }

    @Test
    void eventOfAToolKindThisProductDoesNotRunIsStillValid() {
        assertThat(SchemaValidator.validateEvent(Fixtures.event().toBuilder().toolKind("snowflake").build())).isEmpty();
    }

    @Test
    void decisionWithUnknownActionOrMisspeltFieldFails() {
        assertThat(SchemaValidator.validateDecision(new Decision("s", "maybe", null, null)))
                .singleElement().asString().contains("action");
        ObjectNode decision = (ObjectNode) Json.toTree(new Decision("s", "reject", null, null));
        decision.put("decidedBy", "ana");
        assertThat(SchemaValidator.validate(SchemaValidator.DECISION, decision))
                .singleElement().asString().contains("decidedBy");
    }

    @Test
    void parsedSeedPlaybookAlsoValidatesAgainstThePlaybookSchema() throws IOException {
        assertThat(SchemaValidator.validatePlaybookYaml(resource("/playbooks/data_quality_gate.yaml"))).isEmpty();
    }

    @ParameterizedTest(name = "next spelt as {0}")
    @ValueSource(strings = {
        "[{step: b, when: '{{ a.ok }}', args: {x: 1}}, {step: b}]",
        "[{when: '{{ a.ok }}', then: [{step: b, args: {x: 1}}]}, {else: [b]}]",
        "{spec: {mode: inclusive}, arcs: [b, {step: b}]}",
        "b",
    })
    void everyNextSpellingTheParserAcceptsTheSchemaAcceptsToo(String next) {
        String yaml = """
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata: {name: t}
                workflow:
                  - step: a
                    tool: {kind: duckdb, table: t, data: {a: 1}}
                    retry: 2
                    loop: {in: "{{ workload.items }}", iterator: item, spec: {mode: parallel}}
                    next: %s
                  - step: b
                    tool: noop
                    spec: {timeout: 90, wait: decision, wait_timeout: 24h, pool: etl-2}
                """.formatted(next);
        PlaybookParser.parse(yaml);
        assertThat(SchemaValidator.validatePlaybookYaml(yaml)).isEmpty();
    }

    @Test
    void aPlaybookInNoetlsShapesParsesAndValidatesAgainstThePlaybookSchema() throws IOException {
        String yaml = resource("/playbooks/noetl_shapes.yaml");
        PlaybookParser.parse(yaml);
        assertThat(SchemaValidator.validatePlaybookYaml(yaml)).isEmpty();
    }

    @Test
    void playbookSchemaRejectsWhatTheParserRejects() {
        String yaml = """
                apiVersion: noetl.io/v1
                kind: Playbook
                metadata: {name: t}
                workflow:
                  - step: a
                    tool: {kind: http, method: FETCH}
                    spec: {timeout: soon}
                """;
        assertThat(SchemaValidator.validatePlaybookYaml(yaml))
                .anySatisfy(m -> assertThat(m).contains("apiVersion"))
                .anySatisfy(m -> assertThat(m).contains("tool"))
                .anySatisfy(m -> assertThat(m).contains("timeout"));
    }

    @Test
    void malformedPlaybookYamlIsOneMessageWithItsLine() {
        assertThat(SchemaValidator.validatePlaybookYaml("a: [1, 2\nb: 3\n"))
                .singleElement().asString().startsWith("line ").contains("malformed YAML");
    }

    @Test
    void unknownSchemaIsRejectedByName() {
        assertThatThrownBy(() -> SchemaValidator.validate("nope.schema.json", Json.object()))
                .hasMessageContaining("nope.schema.json");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SchemaValidatorTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

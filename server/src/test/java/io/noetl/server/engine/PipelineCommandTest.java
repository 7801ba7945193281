package io.noetl.server.engine;

import static io.noetl.server.engine.Fixtures.playbook;
import static io.noetl.server.engine.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.SchemaValidator;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.command.CommandTask;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.PolicyRule;
import io.noetl.schemas.playbook.Task;
import io.noetl.schemas.playbook.ToolKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineCommandTest {

    @Test
    void aStepOfSeveralTasksIsOneCommandCarryingTheWholePipelineInOrder() {
        Task fetch = new Task("fetch", ToolKind.HTTP, Map.of("url", "{{ workload.api }}/page"),
                List.of(new PolicyRule("{{ outcome.status == 'error' }}", PolicyRule.Action.RETRY, 4,
                                PolicyRule.Backoff.LINEAR, 250, null, Map.of()),
                        new PolicyRule(null, PolicyRule.Action.JUMP, 1, PolicyRule.Backoff.FIXED, 0, "store",
                                Map.of("iter.page", "{{ iter.page + 1 }}"))),
                Map.of());
        Task store = new Task("store", ToolKind.POSTGRES, Map.of("command", "insert ..."), List.of(),
                Map.of("stored", "{{ output }}"));
        Playbook pb = playbook(Map.of("api", "http://127.0.0.1:1"), step("load").tasks(fetch, store));

        Harness h = new Harness(pb).start(Map.of());

        assertThat(h.issued).hasSize(1);
        Command c = h.command("load");
        assertThat(c.toolKind()).isEqualTo("http");
        assertThat(c.tool().path("url").asText()).isEqualTo("{{ workload.api }}/page");
        assertThat(c.tasks()).extracting(CommandTask::name).containsExactly("fetch", "store");
        assertThat(c.tasks()).extracting(CommandTask::kind).containsExactly("http", "postgres");
        assertThat(c.tasks().get(1).tool().path("kind").asText()).isEqualTo("postgres");
        assertThat(c.tasks().get(1).set().path("stored").asText()).isEqualTo("{{ output }}");
        assertThat(c.tasks().get(0).policy().get(0).action()).isEqualTo("retry");
        assertThat(c.tasks().get(0).policy().get(0).backoff()).isEqualTo("linear");
        assertThat(c.tasks().get(0).policy().get(1).action()).isEqualTo("jump");
        assertThat(c.tasks().get(0).policy().get(1).to()).isEqualTo("store");
        JsonNode wire = Json.toTree(c);
        assertThat(SchemaValidator.validate(SchemaValidator.COMMAND, wire)).isEmpty();
    }

    @Test
    void aStepOfOneToolIsAPipelineOfOneTaskAndReadsAsBefore() {
        Playbook pb = playbook(Map.of(), step("only").python("result = 1"));

        Command c = new Harness(pb).start(Map.of()).command("only");

        assertThat(c.toolKind()).isEqualTo("python");
        assertThat(c.tool().path("code").asText()).isEqualTo("result = 1");
        assertThat(c.tasks()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("only_task");
            assertThat(t.tool()).isEqualTo(c.tool());
            assertThat(t.policy()).isEmpty();
        });
    }
}

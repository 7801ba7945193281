package io.noetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A playbook written the way NoETL's users write it runs end to end on the real server and worker. */
class NoetlShapesPipelineIT {

    private static final String PLAYBOOK = """
            apiVersion: noetl.io/v2
            kind: Playbook
            metadata:
              name: noetl_shapes
              path: tests/noetl_shapes_e2e
            workload:
              message: hello
            workflow:
              - step: start
                tool:
                  kind: python
                  code: |
                    result = {"greeting": message + " world"}
                set:
                  ctx.greeting: "{{ result.greeting }}"
                next:
                  spec: {mode: inclusive}
                  arcs:
                    - step: slow_branch
                    - step: fast_branch
              - step: slow_branch
                tool:
                  kind: python
                  code: |
                    import time
                    time.sleep(1.5)
                    result = {"side": "slow"}
                next:
                  spec: {mode: exclusive}
                  arcs: [{step: reduce}]
              - step: fast_branch
                tool: {kind: python, code: "result = {'side': 'fast'}"}
                next:
                  spec: {mode: exclusive}
                  arcs: [{step: reduce}]
              - step: reduce
                args:
                  both: "{{ slow_branch.data.side }}+{{ fast_branch.side }}"
                  greeting: "{{ ctx.greeting }}"
                tool:
                  kind: python
                  code: |
                    result = {"both": args["both"], "greeting": args["greeting"]}
              - step: end
                tool: {kind: python, code: "result = {'done': True}"}
            """;

    private final Pipeline pipeline = Pipeline.shared();

    @Test
    void bareWorkloadKeysCtxWritesFanInAndTheImplicitEndRunOnTheRealServerAndWorker() throws Exception {
        pipeline.client.register(PLAYBOOK);
        String id = pipeline.client.start("tests/noetl_shapes_e2e", Map.of());
        JsonNode state = pipeline.awaitStatus(id, "COMPLETED", "FAILED");

        assertThat(state.path("status").asText()).as(state.path("error").asText()).isEqualTo("COMPLETED");
        assertThat(state.at("/steps/start/result/greeting").asText()).isEqualTo("hello world");
        assertThat(state.at("/steps/reduce/result/both").asText()).isEqualTo("slow+fast");
        assertThat(state.at("/steps/reduce/result/greeting").asText()).isEqualTo("hello world");
        assertThat(state.at("/steps/end/result/done").asBoolean()).isTrue();
        assertThat(pipeline.events(id)).filteredOn(e -> "reduce".equals(e.path("step").asText())
                && "command.issued".equals(e.path("event_type").asText())).hasSize(1);
    }
}

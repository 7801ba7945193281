package io.noetl.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.PlaybookParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entry points, the implicit end, admission, final steps and arcs that read NoETL's boundary events. */
class NoetlRoutingTest {

    private static Harness run(String rest, Map<String, Object> workload) {
        return new Harness(PlaybookParser.parse("""
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata: {name: routing}
                """ + rest)).start(workload);
    }

    @Test
    void anExecutionStartsAtTheExecutorsEntryStep() {
        Harness h = run("""
                executor: {spec: {entry_step: begin}}
                workflow:
                  - step: start
                    tool: {kind: python, code: "result = 0"}
                  - step: begin
                    tool: {kind: python, code: "result = 1"}
                """, Map.of());
        assertThat(h.open).extracting(Command::step).containsExactly("begin");
    }

    @Test
    void aStepWithoutNextLeadsToEnd() {
        Harness h = run("""
                workflow:
                  - step: start
                    tool: {kind: python, code: "result = 'started'"}
                    next: {spec: {mode: exclusive}, arcs: [{step: step1}]}
                  - step: step1
                    tool: {kind: python, code: "result = 'step1'"}
                  - step: end
                    tool: {kind: python, code: "result = 'done'"}
                """, Map.of());
        h.done("start", Map.of());
        h.done("step1", Map.of());
        h.done("end", Map.of("status", "workflow_complete"));

        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.state.result()).isEqualTo(Map.of("end", Map.of("status", "workflow_complete")));
    }

    @Test
    void aStepItsGateDoesNotAdmitDoesNotRunAndItsBranchEnds() {
        String flow = """
                workflow:
                  - step: start
                    next: [guarded]
                  - step: guarded
                    spec:
                      policy:
                        admit:
                          rules:
                            - when: "{{ workload.enabled }}"
                              then: {allow: true}
                            - else:
                                then: {allow: false}
                    tool: {kind: python, code: "result = 1"}
                """;
        Harness denied = run(flow, Map.of("enabled", false));
        assertThat(denied.issued).isEmpty();
        assertThat(denied.state.steps()).doesNotContainKey("guarded");
        assertThat(denied.state.status()).isEqualTo(Status.COMPLETED);

        Harness admitted = run(flow, Map.of("enabled", true));
        assertThat(admitted.open).extracting(Command::step).containsExactly("guarded");
    }

    @Test
    void theExecutorsFinalStepRunsOnceWhenNothingElseIsLeft() {
        Harness h = run("""
                executor: {spec: {final_step: wrap_up}}
                workflow:
                  - step: start
                    tool: {kind: python, code: "result = 1"}
                  - step: wrap_up
                    tool: {kind: python, code: "result = 'bye'"}
                """, Map.of());
        h.done("start", Map.of());
        assertThat(h.open).extracting(Command::step).containsExactly("wrap_up");
        h.done("wrap_up", Map.of());
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.issued).filteredOn(c -> c.step().equals("wrap_up")).hasSize(1);
    }

    @Test
    void arcsReadTheBoundaryEventByItsNoetlName() {
        Harness h = run("""
                workload: {items: [1, 2]}
                workflow:
                  - step: start
                    tool: {kind: python, code: "result = 1"}
                    next:
                      spec: {mode: exclusive}
                      arcs:
                        - step: each
                          when: "{{ event.name == 'call.done' and output.status == 'ok' }}"
                  - step: each
                    loop: {in: "{{ workload.items }}", iterator: n}
                    tool: {kind: python, code: "result = n"}
                    next:
                      spec: {mode: exclusive}
                      arcs:
                        - step: after_loop
                          when: "{{ event.name == 'loop.done' }}"
                  - step: after_loop
                    tool: {kind: python, code: "result = 2"}
                    next:
                      spec: {mode: exclusive}
                      arcs:
                        - step: last
                          when: "{{ event.name == 'step.exit' }}"
                  - step: last
                """, Map.of());
        h.done("start", Map.of());
        h.done("each", Map.of("n", 1));
        h.done("each", Map.of("n", 2));
        h.done("after_loop", Map.of());

        assertThat(h.state.steps()).containsKey("last");
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void anArcOnCallErrorHandlesAFailedStepAndTheExecutionStillEndsFailed() {
        Harness h = run("""
                workflow:
                  - step: start
                    tool: {kind: python, code: "raise"}
                    next:
                      spec: {mode: exclusive}
                      arcs:
                        - step: publish
                          when: "{{ event.name == 'call.done' }}"
                        - step: cleanup
                          when: "{{ event.name == 'call.error' }}"
                          args: {why: "{{ output.error.message }}"}
                  - step: publish
                    tool: {kind: noop}
                  - step: cleanup
                    tool: {kind: noop}
                """, Map.of());
        h.error(h.command("start"), ErrorInfo.fatal("ValueError", "boom"), null);

        Command cleanup = h.command("cleanup");
        assertThat(cleanup.context().path("args").path("why").asText()).isEqualTo("boom");
        assertThat(h.state.status()).isEqualTo(Status.RUNNING);
        assertThat(h.state.steps().get("start").status()).isEqualTo(Status.FAILED);

        h.done(cleanup, Map.of());
        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.error()).contains("step start failed").contains("boom");
        assertThat(h.events(EventTypes.PLAYBOOK_FAILED)).hasSize(1);
        assertThat(h.state.steps()).doesNotContainKey("publish");
    }

    @Test
    void aFailedStepWithoutAnErrorArcFailsTheExecutionAtOnce() {
        Harness h = run("""
                workflow:
                  - step: start
                    tool: {kind: python, code: "raise"}
                    next: [after]
                  - step: after
                    tool: {kind: noop}
                """, Map.of());
        h.error(h.command("start"), ErrorInfo.fatal("ValueError", "boom"), null);

        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.steps()).doesNotContainKey("after");
    }
}

package io.noetl.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.PlaybookParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templated max_in_flight, cursor loops and sub-playbooks as NoETL's playbooks write them. */
class NoetlLoopsTest {

    private static Harness run(String workflow, Map<String, Object> workload) {
        return new Harness(PlaybookParser.parse("""
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata: {name: loops}
                workflow:
                """ + workflow)).start(workload);
    }

    @Test
    void aTemplatedMaxInFlightIsRenderedWhenTheLoopStarts() {
        Harness h = run("""
                  - step: start
                    loop:
                      in: "{{ workload.items }}"
                      iterator: item
                      spec: {mode: parallel, max_in_flight: "{{ (workload.width | default(1) | int) or 1 }}"}
                    tool: {kind: python, code: "result = item"}
                """, Map.of("items", List.of(1, 2, 3, 4), "width", "3"));
        assertThat(h.open).hasSize(3);
        assertThat(h.open).extracting(c -> c.context().path("iter").path("item").asInt()).containsExactly(1, 2, 3);
        assertThat(h.open.get(0).context().path("item").asInt()).isEqualTo(1);

        Harness fallback = run("""
                  - step: start
                    loop:
                      in: "{{ workload.items }}"
                      iterator: item
                      spec: {mode: parallel, max_in_flight: "{{ workload.width }}"}
                    tool: {kind: python, code: "result = item"}
                """, Map.of("items", List.of(1, 2, 3), "width", "many"));
        assertThat(fallback.open).hasSize(3);
    }

    @Test
    void eachIterationSeesNoetlsLoopNamesLoopIndexAndTheFirstAndLastFlags() {
        Harness h = run("""
                  - step: start
                    loop:
                      in: "{{ workload.items }}"
                      iterator: num
                      spec: {mode: parallel}
                    tool: {kind: python, code: "result = num"}
                """, Map.of("items", List.of(5, 6, 7)));
        assertThat(h.open).hasSize(3);
        assertThat(h.open).extracting(c -> c.context().path("loop_index").asInt()).containsExactly(0, 1, 2);
        assertThat(h.open).extracting(c -> c.context().path("iter").path("_index").asInt()).containsExactly(0, 1, 2);
        assertThat(h.open).extracting(c -> c.context().path("iter").path("_first").asBoolean())
                .containsExactly(true, false, false);
        assertThat(h.open).extracting(c -> c.context().path("loop").path("last").asBoolean())
                .containsExactly(false, false, true);
        assertThat(h.open.get(2).context().path("num").asInt()).isEqualTo(7);
        assertThat(h.open.get(0).context().has("_index")).as("iteration names stay under iter").isFalse();
    }

    @Test
    void aCursorLoopIssuesOneCommandPerWorkerSlotAndEndsWhenEverySlotHasDrained() {
        Harness h = run("""
                  - step: drain
                    loop:
                      cursor: {kind: postgres, auth: pg, claim: "update q set taken = true returning id"}
                      iterator: row
                      spec: {mode: cursor, max_in_flight: "{{ workload.workers }}"}
                    tool: {kind: postgres, auth: pg, query: "select {{ iter.row.id }}"}
                    next: [after]
                  - step: after
                    args: {total: "{{ drain | length }}"}
                """, Map.of("workers", 2));
        assertThat(h.open).hasSize(2);
        JsonNode cursor = h.open.get(1).cursor();
        assertThat(cursor.path("claim").asText()).isEqualTo("update q set taken = true returning id");
        assertThat(cursor.path("iterator").asText()).isEqualTo("row");
        assertThat(cursor.path("slot").asInt()).isEqualTo(1);
        assertThat(cursor.path("slots").asInt()).isEqualTo(2);
        assertThat(h.open.get(1).context().path("iter").path("slot").asInt()).isEqualTo(1);

        h.done(h.open.get(0), Map.of("rows", 5));
        assertThat(h.state.status()).isEqualTo(Status.RUNNING);
        h.done(h.open.get(0), Map.of("rows", 3));

        assertThat(h.state.steps().get("drain").result()).isEqualTo(List.of(Map.of("rows", 5), Map.of("rows", 3)));
        assertThat(h.state.steps().get("after").args()).containsEntry("total", 2);
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void aPlaybookToolPassesItsInputAsTheChildsWorkloadAndReturnsItsReturnStep() {
        Harness h = run("""
                  - step: start
                    tool:
                      kind: playbook
                      path: tests/child
                      return_step: finalize
                      input: {user: "{{ workload.user }}"}
                    next: [after]
                  - step: after
                    args: {score: "{{ start.score }}"}
                """, Map.of("user", "ana"));
        ChildStart child = h.children.get(0);
        assertThat(child.workload()).isEqualTo(Map.of("user", "ana"));

        h.apply(Event.builder(EventTypes.PLAYBOOK_COMPLETED, child.executionId())
                .parentExecutionId(child.parentExecutionId()).timestamp(h.clock.instant())
                .result(Json.toTree(Map.of("finalize", Map.of("score", 9), "other", Map.of())))
                .meta(Map.of("parent_step", "start")).build());

        assertThat(h.state.steps().get("after").args()).containsEntry("score", 9);
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void aPipelineStepRunsAsOneCommandPerLoopItem() {
        Harness h = run("""
                  - step: start
                    loop: {in: "{{ workload.items }}", iterator: item}
                    tool:
                      - {name: fetch, kind: http, url: "http://x/{{ iter.item }}"}
                      - {name: store, kind: duckdb, commands: "select 1"}
                """, Map.of("items", List.of("a", "b")));
        Command first = h.command("start");
        assertThat(first.tasks()).hasSize(2);
        assertThat(first.loopIndex()).isZero();
        h.done(first, Map.of("results", Map.of()));
        assertThat(h.command("start").loopIndex()).isEqualTo(1);
    }
}

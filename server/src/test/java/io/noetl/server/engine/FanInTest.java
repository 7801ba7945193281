package io.noetl.server.engine;

import static io.noetl.server.engine.Fixtures.arc;
import static io.noetl.server.engine.Fixtures.playbook;
import static io.noetl.server.engine.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Playbook;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A step reached by several live branches runs once, after all of them arrived (NoETL's fan-out/reduce). */
class FanInTest {

    private final Playbook fanoutReduce = playbook(Map.of(),
            step("start").python("s").inclusive(arc("normalize"), arc("enrich")),
            step("normalize").python("n").next(arc("reduce")),
            step("enrich").python("e").next(arc("reduce")),
            step("reduce").python("result = merge(normalize, enrich)"));

    @Test
    @DisplayName("when two inclusive branches lead to one step, it waits for the second before it runs")
    void theReduceStepWaitsForEveryLiveBranch() {
        Harness h = new Harness(fanoutReduce).start(Map.of());
        h.done("start", Map.of("status", "ok"));
        assertThat(h.open).extracting(Command::step).containsExactlyInAnyOrder("normalize", "enrich");

        h.done("normalize", Map.of("normalized", true));
        assertThat(h.open).extracting(Command::step).containsExactly("enrich");
        assertThat(h.state.steps()).doesNotContainKey("reduce");

        h.done("enrich", Map.of("enriched", true));
        Command reduce = h.command("reduce");
        assertThat(reduce.context().path("normalize").path("normalized").asBoolean()).isTrue();
        assertThat(reduce.context().path("enrich").path("enriched").asBoolean()).isTrue();

        h.done(reduce, Map.of("reduced", true));
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.issued).filteredOn(c -> c.step().equals("reduce")).hasSize(1);
        assertThat(h.events(EventTypes.STEP_ENTER)).filteredOn(e -> e.step().equals("reduce")).hasSize(1);
    }

    @Test
    void aBranchThatTurnsAwayReleasesTheWaitingStep() {
        Playbook pb = playbook(Map.of(),
                step("start").python("s").inclusive(arc("a"), arc("b")),
                step("a").python("a").next(arc("join")),
                step("b").python("b").next(arc("join", "{{ b.go }}"), arc("side")),
                step("side").python("x"),
                step("join").python("j"));
        Harness h = new Harness(pb).start(Map.of());
        h.done("start", Map.of());
        h.done("a", Map.of());
        assertThat(h.state.steps()).doesNotContainKey("join");
        assertThat(h.state.joins()).containsOnlyKeys("join");

        h.done("b", Map.of("go", false));
        assertThat(h.open).extracting(Command::step).containsExactlyInAnyOrder("side", "join");
        assertThat(h.state.joins()).isEmpty();

        h.done("side", Map.of());
        h.done("join", Map.of("joined", true));
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void argsOfEveryArrivedBranchReachTheJoinedStep() {
        Playbook pb = playbook(Map.of(),
                step("start").python("s").inclusive(arc("a"), arc("b")),
                step("a").python("a").next(arc("join", null, Map.of("from_a", "{{ a.v }}"))),
                step("b").python("b").next(arc("join", null, Map.of("from_b", "{{ b.v }}"))),
                step("join").python("j"));
        Harness h = new Harness(pb).start(Map.of());
        h.done("start", Map.of());
        h.done("b", Map.of("v", 2));
        h.done("a", Map.of("v", 1));

        Command join = h.command("join");
        assertThat(join.context().path("args").path("from_a").asInt()).isEqualTo(1);
        assertThat(join.context().path("args").path("from_b").asInt()).isEqualTo(2);
    }

    @Test
    void aStepReachedByOneBranchOnlyRunsAtOnce() {
        Playbook pb = playbook(Map.of(),
                step("start").python("s").inclusive(arc("slow"), arc("fast")),
                step("slow").python("x"),
                step("fast").python("y").next(arc("after_fast")),
                step("after_fast").python("z"));
        Harness h = new Harness(pb).start(Map.of());
        h.done("start", Map.of());
        h.done("fast", Map.of());

        assertThat(h.open).extracting(Command::step).containsExactlyInAnyOrder("slow", "after_fast");
    }

    @Test
    void noetlsFanoutReducePlaybookRunsItsReduceOnceAfterBothBranches() {
        Harness h = new Harness(io.noetl.schemas.playbook.PlaybookParser.parse("""
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata: {name: fanout_reduce, path: tests/fanout_reduce}
                workflow:
                  - step: start
                    tool: {kind: python, code: "def main():\\n    return {'status': 'ok'}"}
                    next:
                      spec: {mode: inclusive}
                      arcs: [{step: normalize_customer}, {step: enrich_customer}]
                  - step: normalize_customer
                    tool: {kind: python, code: "def main():\\n    return {'normalized': True}"}
                    next: {spec: {mode: exclusive}, arcs: [{step: reduce_customer}]}
                  - step: enrich_customer
                    tool: {kind: python, code: "def main():\\n    return {'enriched': True}"}
                    next: {spec: {mode: exclusive}, arcs: [{step: reduce_customer}]}
                  - step: reduce_customer
                    tool: {kind: python, code: "def main():\\n    return {'reduced': True}"}
                """)).start(Map.of());
        h.done("start", Map.of("status", "ok"));
        h.done("enrich_customer", Map.of("enriched", true));
        assertThat(h.state.steps()).doesNotContainKey("reduce_customer");
        h.done("normalize_customer", Map.of("normalized", true));
        h.done("reduce_customer", Map.of("reduced", true));

        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.issued).filteredOn(c -> c.step().equals("reduce_customer")).hasSize(1);
    }
}

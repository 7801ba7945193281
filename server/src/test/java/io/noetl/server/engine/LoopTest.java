package io.noetl.server.engine;

import static io.noetl.server.engine.Fixtures.arc;
import static io.noetl.server.engine.Fixtures.playbook;
import static io.noetl.server.engine.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Loop;
import io.noetl.schemas.playbook.Playbook;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoopTest {

    private static Playbook looping(Loop.Mode mode, int maxInFlight) {
        return playbook(Map.of("cities", List.of("Oslo", "Lima", "Pune")),
                step("start").next(arc("each")),
                step("each").python("result = fetch(city)").loop("{{ workload.cities }}", "city", mode, maxInFlight)
                        .next(arc("report")),
                step("report").args(Map.of("temps", "{{ each }}")));
    }

    @Test
    void sequentialLoopRunsOneItemAtATimeAndCollectsResultsInOrder() {
        Harness h = new Harness(looping(Loop.Mode.SEQUENTIAL, 1)).start(Map.of());
        for (int i = 0; i < 3; i++) {
            Command item = h.command("each");
            assertThat(item.loopIndex()).isEqualTo(i);
            assertThat(item.context().path("iter").path("index").asInt()).isEqualTo(i);
            h.done(item, Map.of("city", item.context().path("iter").path("city").asText()));
        }

        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.state.steps().get("report").result()).isEqualTo(Map.of("temps",
                List.of(Map.of("city", "Oslo"), Map.of("city", "Lima"), Map.of("city", "Pune"))));
        assertThat(h.events(EventTypes.LOOP_ITEM)).hasSize(3);
        assertThat(h.events(EventTypes.LOOP_DONE)).hasSize(1);
        assertThat(h.types().indexOf("loop.done")).isLessThan(h.types().lastIndexOf("step.exit"));
    }

    @Test
    void parallelLoopKeepsAtMostMaxInFlightItemsRunning() {
        Harness h = new Harness(looping(Loop.Mode.PARALLEL, 2)).start(Map.of());
        assertThat(h.open).extracting(Command::loopIndex).containsExactly(0, 1);

        Command second = h.open.get(1);
        h.done(second, "lima");
        assertThat(h.open).extracting(Command::loopIndex).containsExactly(0, 2);
        h.done(h.open.get(1), "pune");
        assertThat(h.open).extracting(Command::loopIndex).containsExactly(0);
        assertThat(h.state.steps().get("each").loop().done()).containsExactly(1, 2);
        h.done(h.open.get(0), "oslo");

        assertThat(h.state.steps().get("each").result()).isEqualTo(List.of("oslo", "lima", "pune"));
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void anItemThatFailsFailsTheStep() {
        Harness h = new Harness(looping(Loop.Mode.PARALLEL, 3)).start(Map.of());
        h.error(h.open.get(1), ErrorInfo.fatal("PythonError", "KeyError: 'x'"), null);

        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.error()).isEqualTo("step each failed: PythonError: KeyError: 'x'");
        assertThat(h.done(h.open.get(0), "late").changed()).isFalse();
    }

    @Test
    void anEmptyListCompletesTheStepAtOnceWithAnEmptyResult() {
        Harness h = new Harness(looping(Loop.Mode.SEQUENTIAL, 1)).start(Map.of("cities", List.of()));
        assertThat(h.issued).isEmpty();
        assertThat(h.state.steps().get("each").result()).isEqualTo(List.of());
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void loopInThatIsNotAListFailsTheStepAsATemplateError() {
        Harness h = new Harness(looping(Loop.Mode.SEQUENTIAL, 1)).start(Map.of("cities", "Oslo"));
        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.error()).startsWith("step each failed: TemplateError: loop.in '{{ workload.cities }}'")
                .contains("not a list");
    }
}

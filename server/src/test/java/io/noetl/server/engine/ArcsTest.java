package io.noetl.server.engine;

import static io.noetl.server.engine.Fixtures.arc;
import static io.noetl.server.engine.Fixtures.playbook;
import static io.noetl.server.engine.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.playbook.Playbook;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArcsTest {

    private final Playbook exclusive = playbook(Map.of(),
            step("start").next(arc("score")),
            step("score").python("result = score()").next(
                    arc("low", "{{ score.value < 0.5 }}"),
                    arc("mid", "{{ score.value < 0.9 }}"),
                    arc("high")),
            step("low").python("x"),
            step("mid").python("x"),
            step("high").python("x"));

    @Test
    void exclusiveArcsTakeTheFirstTrueArcOnly() {
        Harness h = new Harness(exclusive).start(Map.of());
        h.done("score", Map.of("value", 0.3));

        assertThat(h.open).extracting(Command::step).containsExactly("low");
        assertThat(h.state.steps()).doesNotContainKeys("mid", "high");
    }

    @Test
    void exclusiveArcsFallBackToTheArcWithoutWhen() {
        Harness h = new Harness(exclusive).start(Map.of());
        h.done("score", Map.of("value", 0.95));
        assertThat(h.open).extracting(Command::step).containsExactly("high");

        h.done("high", Map.of("ok", true));
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.state.result()).isEqualTo(Map.of("high", Map.of("ok", true)));
    }

    @Test
    void inclusiveArcsRunBranchesInParallelAndCompleteOnlyWhenBothEnd() {
        Playbook pb = playbook(Map.of(),
                step("start").inclusive(arc("left", "{{ true }}"), arc("right", "{{ workload.go_right }}"),
                        arc("never", "{{ false }}")),
                step("left").python("x"),
                step("right").python("y"),
                step("never").python("z"));
        Harness h = new Harness(pb).start(Map.of("go_right", true));
        assertThat(h.open).extracting(Command::step).containsExactlyInAnyOrder("left", "right");

        h.done("right", Map.of("r", 2));
        assertThat(h.state.status()).isEqualTo(Status.RUNNING);
        h.done("left", Map.of("l", 1));

        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.state.result()).isEqualTo(Map.of("left", Map.of("l", 1), "right", Map.of("r", 2)));
        assertThat(h.events(io.noetl.schemas.event.EventTypes.PLAYBOOK_COMPLETED)).hasSize(1);
    }
}

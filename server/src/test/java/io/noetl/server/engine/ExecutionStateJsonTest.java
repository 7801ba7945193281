package io.noetl.server.engine;

import static io.noetl.server.engine.Fixtures.arc;
import static io.noetl.server.engine.Fixtures.playbook;
import static io.noetl.server.engine.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Json;
import io.noetl.schemas.Status;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.playbook.Loop;
import io.noetl.schemas.playbook.Playbook;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionStateJsonTest {

    @Test
    void stateSurvivesAJsonRoundTripMidExecution() {
        Playbook pb = playbook(Map.of("items", List.of("a", "b", "c")),
                step("start").next(arc("each")),
                step("each").python("x").loop("{{ workload.items }}", "it", Loop.Mode.PARALLEL, 2)
                        .next(arc("after")),
                step("after").python("y"));
        Harness h = new Harness(pb).start(Map.of());
        h.done(h.open.get(0), Map.of("n", 1, "nested", Map.of("ok", true)));
        h.error(h.open.get(0), ErrorInfo.fatal("X", "y"), null);
        ExecutionState failed = h.state;
        Harness running = new Harness(pb).start(Map.of());
        running.done(running.open.get(0), Map.of("n", 1));
        running.started(running.open.get(0));

        for (ExecutionState state : List.of(running.state, failed)) {
            String json = Json.string(state);
            ExecutionState back = Json.read(json, ExecutionState.class);
            assertThat(back).isEqualTo(state);
            assertThat(json).contains("\"execution_id\"", "\"steps\"", "\"work\"");
        }
    }

    @Test
    void aRestoredStateKeepsWorking() {
        Playbook pb = playbook(Map.of(), step("start").next(arc("a")), step("a").python("x"));
        Harness h = new Harness(pb).start(Map.of());
        h.state = Json.read(Json.bytes(h.state), ExecutionState.class);
        h.done("a", Map.of("v", 1));
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.state.result()).isEqualTo(Map.of("a", Map.of("v", 1)));
    }

    @Test
    void ctxWritesAndAWaitingJoinSurviveAJsonRoundTrip() {
        Playbook pb = playbook(Map.of(),
                step("start").python("s").inclusive(arc("a"), arc("b")),
                step("a").python("a").next(arc("join", null, Map.of("from", "a"))),
                step("b").python("b").next(arc("join")),
                step("join").python("j"));
        Harness h = new Harness(pb).start(Map.of());
        h.done("start", Map.of());
        h.done("a", Map.of());
        h.state = h.state.withWrites(Map.of("seen", List.of(1, 2)), Map.of());

        ExecutionState back = Json.read(Json.string(h.state), ExecutionState.class);

        assertThat(back).isEqualTo(h.state);
        assertThat(back.joins()).isEqualTo(Map.of("join", Map.of("from", "a")));
        assertThat(back.ctx()).isEqualTo(Map.of("seen", List.of(1, 2)));
        h.state = back;
        h.done("b", Map.of());
        assertThat(h.command("join").context().path("args").path("from").asText()).isEqualTo("a");
    }
}

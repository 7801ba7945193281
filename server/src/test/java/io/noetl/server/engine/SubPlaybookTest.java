package io.noetl.server.engine;

import static io.noetl.server.engine.Fixtures.arc;
import static io.noetl.server.engine.Fixtures.playbook;
import static io.noetl.server.engine.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Json;
import io.noetl.schemas.Status;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.ToolKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubPlaybookTest {

    private final Playbook parent = playbook(Map.of("day", "2026-01-01"),
            step("start").next(arc("load")),
            step("load").tool(ToolKind.PLAYBOOK, "path", "data/daily_load",
                    "workload", Map.of("day", "{{ workload.day }}")).next(arc("publish")),
            step("publish").args(Map.of("rows", "{{ load.rows }}")));

    private static Event childEnded(ChildStart child, String type, Object result, ErrorInfo error) {
        return Event.builder(type, child.executionId()).parentExecutionId(child.parentExecutionId())
                .playbookPath(child.playbookPath()).timestamp(java.time.Instant.parse("2026-01-01T00:00:00Z"))
                .result(result == null ? null : Json.toTree(result)).error(error)
                .meta(Map.of("parent_step", child.parentStep())).build();
    }

    @Test
    void aPlaybookStepStartsOneChildAndResumesWithItsResult() {
        Harness h = new Harness(parent).start(Map.of());
        assertThat(h.issued).isEmpty();
        assertThat(h.children).singleElement().satisfies(c -> {
            assertThat(c.playbookPath()).isEqualTo("data/daily_load");
            assertThat(c.workload()).isEqualTo(Map.of("day", "2026-01-01"));
            assertThat(c.parentExecutionId()).isEqualTo(h.state.executionId());
            assertThat(c.parentStep()).isEqualTo("load");
        });
        assertThat(h.state.work().values()).singleElement().extracting(Work::childExecutionId)
                .isEqualTo(h.children.get(0).executionId());

        h.apply(childEnded(h.children.get(0), EventTypes.PLAYBOOK_COMPLETED, Map.of("rows", 42), null));
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.state.steps().get("publish").result()).isEqualTo(Map.of("rows", 42));
    }

    @Test
    void aFailedChildFailsTheParentStep() {
        Harness h = new Harness(parent).start(Map.of());
        h.apply(childEnded(h.children.get(0), EventTypes.PLAYBOOK_FAILED, null,
                ErrorInfo.fatal("PythonError", "step x failed: PythonError: boom")));

        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.error()).startsWith("step load failed: PythonError: sub-playbook execution ")
                .endsWith("failed: step x failed: PythonError: boom");
    }

    @Test
    void eventsOfUnrelatedExecutionsChangeNothing() {
        Harness h = new Harness(parent).start(Map.of());
        ChildStart stranger = new ChildStart("01STRANGER0000000000000000", "x", null, Map.of(),
                h.state.executionId(), "load");
        assertThat(h.apply(childEnded(stranger, EventTypes.PLAYBOOK_COMPLETED, Map.of(), null)).changed()).isFalse();
    }
}

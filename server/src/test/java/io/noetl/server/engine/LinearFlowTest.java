package io.noetl.server.engine;

import static io.noetl.server.engine.Fixtures.arc;
import static io.noetl.server.engine.Fixtures.playbook;
import static io.noetl.server.engine.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Playbook;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LinearFlowTest {

    private final Playbook pb = playbook(Map.of("source", Map.of("table", "raw", "limit", 10), "env", "dev"),
            step("start").next(arc("fetch")),
            step("fetch").python("result = fetch()").args(Map.of("table", "{{ workload.source.table }}"))
                    .next(arc("transform", null, Map.of("note", "from {{ execution_id }}"))),
            step("transform").python("result = t(args, fetch)").args(Map.of("rows", "{{ fetch.rows }}"))
                    .next(arc("end")),
            step("end"));

    @Test
    void linearPlaybookCompletesWithResultsVisibleToLaterTemplates() {
        Harness h = new Harness(pb).start(Map.of("source", Map.of("limit", 5)));
        assertThat(h.state.status()).isEqualTo(Status.RUNNING);
        assertThat(h.state.workload()).isEqualTo(Map.of("source", Map.of("table", "raw", "limit", 5), "env", "dev"));

        Command fetch = h.command("fetch");
        assertThat(fetch.attempt()).isEqualTo(1);
        assertThat(fetch.pool()).isEqualTo("default");
        assertThat(fetch.tool().path("kind").asText()).isEqualTo("python");
        assertThat(fetch.tool().path("code").asText()).isEqualTo("result = fetch()");
        assertThat(fetch.context().path("args").path("table").asText()).isEqualTo("raw");
        assertThat(fetch.context().path("keychain").path("api_token").asText()).isEqualTo("***");
        assertThat(fetch.context().path("callback_url").asText())
                .isEqualTo("http://127.0.0.1:8080/api/executions/01EXEC0000000000000000TEST/decisions");
        Event issued = h.events(EventTypes.COMMAND_ISSUED).get(0);
        assertThat(fetch.issuedEventId()).isEqualTo(issued.eventId());
        assertThat(issued.commandId()).isEqualTo(fetch.commandId());
        assertThat(issued.toolKind()).isEqualTo("python");

        h.done(fetch, Map.of("rows", List.of(1, 2, 3)));
        Command transform = h.command("transform");
        assertThat(transform.context().path("args").path("rows").size()).isEqualTo(3);
        assertThat(transform.context().path("args").path("note").asText())
                .isEqualTo("from 01EXEC0000000000000000TEST");
        assertThat(transform.context().path("fetch").path("rows").size()).isEqualTo(3);

        h.done(transform, Map.of("count", 3));
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.state.endedAt()).isEqualTo(h.clock.instant());
        assertThat(h.state.result()).containsOnlyKeys("end");
        assertThat(h.state.steps().get("transform").result()).isEqualTo(Map.of("count", 3));
        assertThat(h.types()).containsExactly("playbook.started",
                "step.enter", "step.exit", "step.enter", "command.issued", "step.exit",
                "step.enter", "command.issued", "step.exit", "step.enter", "step.exit", "playbook.completed");
        assertThat(h.events).allSatisfy(e -> {
            assertThat(e.executionId()).isEqualTo("01EXEC0000000000000000TEST");
            assertThat(e.playbookPath()).isEqualTo("tests/flow");
            assertThat(e.playbookVersion()).isEqualTo(1);
            assertThat(e.timestamp()).isEqualTo(h.clock.instant());
            assertThat(e.workerId()).isNull();
        });
        assertThat(h.events.stream().map(Event::natsMsgId).distinct()).hasSize(h.events.size());
    }

    @Test
    void withoutPolicyAStepRunsOnceAndTheExecutionFailsWithAClearError() {
        Harness h = new Harness(pb).start(Map.of());
        h.error(h.command("fetch"), ErrorInfo.retriable("HttpError", "503 Service Unavailable"), null);

        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.error()).isEqualTo("step fetch failed: HttpError: 503 Service Unavailable");
        assertThat(h.state.steps().get("fetch").status()).isEqualTo(Status.FAILED);
        assertThat(h.state.steps().get("fetch").attempts()).isEqualTo(1);
        assertThat(h.issued).hasSize(1);
        assertThat(h.state.work()).isEmpty();
        assertThat(h.types()).endsWith("step.exit", "playbook.failed");
        assertThat(h.events(EventTypes.PLAYBOOK_FAILED).get(0).error().message()).isEqualTo(h.state.error());
    }

    @Test
    void duplicateAndLateWorkerEventsChangeNothing() {
        Harness h = new Harness(pb).start(Map.of());
        Command fetch = h.command("fetch");
        Event done = h.workerEvent(fetch, EventTypes.CALL_DONE).toBuilder()
                .result(io.noetl.schemas.Json.toTree(Map.of("rows", List.of()))).build();
        assertThat(h.apply(done).changed()).isTrue();
        ExecutionState after = h.state;

        assertThat(h.apply(done).changed()).isFalse();
        assertThat(h.last.state()).isSameAs(after);
        assertThat(h.apply(h.workerEvent(fetch, EventTypes.COMMAND_COMPLETED)).changed()).isFalse();
        // the engine's own events coming back from the stream are no-ops
        for (Event own : List.copyOf(h.events)) {
            assertThat(h.engine.apply(h.state, pb, own).changed()).as(own.eventType()).isFalse();
        }
    }

    @Test
    void aTemplateErrorFailsTheExecutionNamingTheTemplate() {
        Playbook broken = playbook(Map.of(),
                step("start").next(arc("fetch")),
                step("fetch").python("x").args(Map.of("table", "{{ workload.nope.table }}")));
        Harness h = new Harness(broken).start(Map.of());

        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.error()).startsWith("step fetch failed: TemplateError: ")
                .contains("{{ workload.nope.table }}");
        assertThat(h.state.steps().get("fetch").error().retriable()).isFalse();
        assertThat(h.issued).isEmpty();
        assertThat(h.types()).endsWith("step.enter", "step.exit", "playbook.failed");
    }

    @Test
    void cancelForgetsInFlightWorkAndIgnoresLaterEvents() {
        Harness h = new Harness(pb).start(Map.of());
        Command fetch = h.command("fetch");
        h.accept(h.engine.cancel(h.state, pb, "operator asked"));

        assertThat(h.state.status()).isEqualTo(Status.CANCELLED);
        assertThat(h.state.error()).isEqualTo("operator asked");
        assertThat(h.state.work()).isEmpty();
        assertThat(h.state.steps().get("fetch").status()).isEqualTo(Status.CANCELLED);
        assertThat(h.types()).last().isEqualTo("playbook.cancelled");
        assertThat(h.done(fetch, Map.of()).changed()).isFalse();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(RejectedException.class,
                () -> h.engine.cancel(h.state, pb, "again")).code()).isEqualTo(409);
    }

    @Test
    @DisplayName("a cancel gives each running step a step.exit CANCELLED that names it, and lists them")
    void cancelExitsEachRunningStepNamingIt() {
        Harness h = new Harness(pb).start(Map.of());
        h.command("fetch");
        h.accept(h.engine.cancel(h.state, pb, "operator asked"));

        Event exit = h.events(EventTypes.STEP_EXIT).getLast();
        assertThat(exit.step()).isEqualTo("fetch");
        assertThat(exit.status()).isEqualTo("CANCELLED");
        assertThat(exit.error().type()).isEqualTo("Cancelled");
        assertThat(exit.error().message()).isEqualTo("step fetch cancelled: operator asked");
        assertThat(exit.error().errorClass()).isEqualTo("cancelled");
        assertThat(exit.meta()).containsEntry("msg_key", 1);
        Event cancelled = h.events(EventTypes.PLAYBOOK_CANCELLED).get(0);
        assertThat(cancelled.meta()).containsEntry("cancelled_steps", List.of("fetch"));
        assertThat(cancelled.error().errorClass()).isEqualTo("cancelled");
        assertThat(h.types()).endsWith("step.exit", "playbook.cancelled");
    }
}

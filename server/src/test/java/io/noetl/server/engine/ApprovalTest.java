package io.noetl.server.engine;

import static io.noetl.server.engine.Fixtures.arc;
import static io.noetl.server.engine.Fixtures.playbook;
import static io.noetl.server.engine.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.decision.Decision;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.ToolKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The data-quality gate of the human-approval pattern (seed 003). */
class ApprovalTest {

    private static final long DAY_MS = 86_400_000L;

    private final Playbook pb = playbook(Map.of("workflow_approval_service", "http://approvals"),
            step("start").next(arc("validate_data_quality")),
            step("validate_data_quality").python("result = {'quality_score': 0.85, 'anomalies': 12}")
                    .next(arc("await_human_approval", "{{ validate_data_quality.quality_score < 0.9 }}",
                            Map.of("issue", "Data quality below threshold")), arc("load")),
            step("await_human_approval").tool(ToolKind.HTTP, "method", "POST",
                            "url", "{{ workload.workflow_approval_service }}/requests",
                            "body", Map.of("callback", "{{ callback_url }}"))
                    .waitDecision(DAY_MS)
                    .next(arc("record_decision", "{{ await_human_approval.action == 'approve' }}")),
            step("record_decision").tool(ToolKind.POSTGRES, "table", "execution_decisions")
                    .args(Map.of("decision_maker", "{{ current_user }}", "action", "{{ vars.approval_action }}",
                            "reasoning", "{{ vars.approval_comment }}")),
            step("load").python("load()"));

    private Harness pausedForApproval() {
        Harness h = new Harness(pb).start(Map.of());
        h.done("validate_data_quality", Map.of("quality_score", 0.85, "anomalies", 12));
        Command notify = h.command("await_human_approval");
        assertThat(notify.context().path("args").path("issue").asText()).isEqualTo("Data quality below threshold");
        assertThat(notify.context().path("callback_url").asText()).endsWith("/api/executions/" + h.state.executionId()
                + "/decisions");
        h.done(notify, Map.of("status", 202, "body", Map.of("request_id", "r-1")));
        return h;
    }

    @Test
    void theExecutionPausesAfterTheNotificationUntilADecision() {
        Harness h = pausedForApproval();
        assertThat(h.state.status()).isEqualTo(Status.PAUSED);
        assertThat(h.state.waitingSteps()).containsExactly("await_human_approval");
        assertThat(h.state.steps().get("await_human_approval").status()).isEqualTo(Status.PAUSED);
        assertThat(h.state.nextWakeUp()).isEqualTo(h.clock.instant().plusMillis(DAY_MS));
        Event waiting = h.events(EventTypes.STEP_WAITING).getFirst();
        assertThat(waiting.step()).isEqualTo("await_human_approval");
        assertThat(waiting.status()).isEqualTo("PAUSED");
        assertThat(waiting.meta()).containsEntry("wait", "decision")
                .containsEntry("deadline", h.clock.instant().plusMillis(DAY_MS).toString());
    }

    @Test
    void approveResumesAndTheRecordStepSeesTheDecision() {
        Harness h = pausedForApproval();
        h.clock.advance(Duration.ofHours(2));
        h.decide(new Decision("await_human_approval", "approve", "anomalies are known", "alice"));

        assertThat(h.state.status()).isEqualTo(Status.RUNNING);
        Event recorded = h.events(EventTypes.DECISION_RECORDED).get(0);
        assertThat(recorded.meta()).containsEntry("action", "approve").containsEntry("decided_by", "alice");
        assertThat(h.state.vars()).containsEntry("approval_action", "approve")
                .containsEntry("approval_comment", "anomalies are known");
        assertThat(h.state.steps().get("await_human_approval").result()).isEqualTo(Map.of("action", "approve",
                "reasoning", "anomalies are known", "decided_by", "alice",
                "tool_result", Map.of("status", 202, "body", Map.of("request_id", "r-1"))));
        Command record = h.command("record_decision");
        assertThat(record.context().path("args").path("decision_maker").asText()).isEqualTo("alice");
        assertThat(record.context().path("args").path("action").asText()).isEqualTo("approve");
        assertThat(record.context().path("current_user").asText()).isEqualTo("alice");

        h.done(record, Map.of("rows", 1));
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.apply(recorded).changed()).as("the same decision again").isFalse();
    }

    @Test
    void rejectWithNoArcTakenFailsTheExecutionWithTheReason() {
        Harness h = pausedForApproval();
        h.decide(new Decision("await_human_approval", "reject", "12 anomalies is too many", "bob"));

        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.error()).isEqualTo("step await_human_approval rejected by bob: 12 anomalies is too many");
        assertThat(h.types()).last().isEqualTo("playbook.failed");
    }

    @Test
    @DisplayName("a rejection no arc takes fails the rejected step (step.exit FAILED, data_quality) and names it")
    void rejectionFailsTheRejectedStepAndNamesIt() {
        Harness h = pausedForApproval();
        h.decide(new Decision("await_human_approval", "reject", "12 anomalies is too many", "bob"));

        StepState rejected = h.state.steps().get("await_human_approval");
        assertThat(rejected.status()).isEqualTo(Status.FAILED);
        assertThat(rejected.result()).isEqualTo(Map.of("action", "reject", "reasoning", "12 anomalies is too many",
                "decided_by", "bob", "tool_result", Map.of("status", 202, "body", Map.of("request_id", "r-1"))));
        Event exit = h.events(EventTypes.STEP_EXIT).getLast();
        assertThat(exit.step()).isEqualTo("await_human_approval");
        assertThat(exit.status()).isEqualTo("FAILED");
        assertThat(exit.error().type()).isEqualTo("Rejected");
        assertThat(exit.error().message()).isEqualTo("rejected by bob: 12 anomalies is too many");
        assertThat(exit.error().errorClass()).isEqualTo("data_quality");
        Event failed = h.events(EventTypes.PLAYBOOK_FAILED).get(0);
        assertThat(failed.error().message()).startsWith("step await_human_approval rejected by bob");
        assertThat(failed.error().errorClass()).isEqualTo("data_quality");
    }

    @Test
    @DisplayName("a rejection an arc takes completes the step and follows the arc")
    void rejectionThatAnArcTakesCompletesTheStep() {
        Playbook routed = playbook(Map.of(),
                step("start").next(arc("review")),
                step("review").tool(ToolKind.HTTP, "url", "http://approvals/r").waitDecision(DAY_MS)
                        .next(arc("fix", "{{ vars.approval_action == 'reject' }}"), arc("load")),
                step("fix").python("fix()"),
                step("load").python("load()"));
        Harness h = new Harness(routed).start(Map.of());
        h.done("review", Map.of("status", 202));
        h.decide(new Decision("review", "reject", "redo it", "bob"));

        assertThat(h.state.status()).isEqualTo(Status.RUNNING);
        assertThat(h.state.steps().get("review").status()).isEqualTo(Status.COMPLETED);
        assertThat(h.events(EventTypes.STEP_EXIT).getLast().status()).isEqualTo("COMPLETED");
        assertThat(h.open).extracting(Command::step).containsExactly("fix");
    }

    @Test
    void noDecisionBeforeTheWaitTimeoutFailsTheStepAsATimeout() {
        Harness h = pausedForApproval();
        assertThat(h.tickAfter(Duration.ofHours(23)).changed()).isFalse();
        h.tickAfter(Duration.ofHours(1));

        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.steps().get("await_human_approval").error().type()).isEqualTo("Timeout");
        assertThat(h.state.error()).isEqualTo("step await_human_approval failed: Timeout: no decision within 24h");
    }

    @Test
    void decisionsThatCannotApplyAreRejectedWithTheRightCode() {
        Harness h = new Harness(pb).start(Map.of());
        assertThat(catchThrowableOfType(DecisionRejectedException.class, () -> h.engine.decide(h.state, pb,
                new Decision("await_human_approval", "approve", null, "alice"))).code()).isEqualTo(409);
        assertThat(catchThrowableOfType(DecisionRejectedException.class, () -> h.engine.decide(h.state, pb,
                new Decision("validate_data_quality", "approve", null, "alice")))).hasMessageContaining("not waiting");
        assertThat(catchThrowableOfType(DecisionRejectedException.class, () -> h.engine.decide(h.state, pb,
                new Decision("nope", "approve", null, "alice"))).code()).isEqualTo(422);
        Harness paused = pausedForApproval();
        assertThat(catchThrowableOfType(DecisionRejectedException.class, () -> paused.engine.decide(paused.state,
                pb, new Decision("await_human_approval", "maybe", null, "alice"))).code()).isEqualTo(422);
    }

    @Test
    void aDecisionWithoutReasoningLeavesAnEmptyComment() {
        Harness h = pausedForApproval();
        h.decide(new Decision("await_human_approval", "approve", null, "carol"));
        assertThat(h.command("record_decision").context().path("args").path("reasoning").asText()).isEmpty();
    }
}

package io.noetl.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.decision.Decision;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.PlaybookParser;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The human-approval pattern of seed 003, written as users write it (YAML, {@code when/then} arcs). */
class SeedApprovalYamlTest {

    private static final String YAML = """
            apiVersion: noetl.io/v2
            kind: Playbook
            metadata:
              name: daily_load
              path: data/ingestion/daily_load
            workload:
              workflow_approval_service: http://approvals.local
            keychain:
              - name: approvals_token
                kind: http_bearer
                env: APPROVALS_TOKEN
            workflow:
              - step: start
                next:
                  - step: validate_data_quality
              - step: validate_data_quality
                tool:
                  kind: python
                  code: |
                    result = {"quality_score": 0.85, "anomalies": 12}
                retry:
                  max_attempts: 2
                  backoff: fixed
                  delay: 1s
                next:
                  - when: "{{ validate_data_quality.quality_score < 0.9 }}"
                    then:
                      - step: await_human_approval
                        args:
                          issue: "Data quality below threshold"
                  - step: load
              - step: await_human_approval
                tool:
                  kind: http
                  method: POST
                  url: "{{ workload.workflow_approval_service }}/requests"
                  body:
                    callback: "{{ callback_url }}"
                    issue: "{{ args.issue }}"
                spec:
                  wait: decision
                  wait_timeout: 24h
                next:
                  - when: "{{ await_human_approval.action == 'approve' }}"
                    then:
                      - step: record_decision
              - step: record_decision
                tool:
                  kind: postgres
                  table: execution_decisions
                  data:
                    execution_id: "{{ execution_id }}"
                    decision_maker: "{{ current_user }}"
                    action: "{{ vars.approval_action }}"
                    reasoning: "{{ vars.approval_comment }}"
                    timestamp: "{{ now() }}"
                next:
                  - step: load
              - step: load
                tool:
                  kind: python
                  code: "result = {'loaded': True}"
            """;

    private final Playbook pb = PlaybookParser.parse(YAML);

    @Test
    void lowQualityDataWaitsForApprovalThenRecordsTheDecisionAndLoads() {
        Harness h = new Harness(pb).start(Map.of());
        Command validate = h.command("validate_data_quality");
        h.error(validate, ErrorInfo.retriable("PythonError", "worker lost the connection"), null);
        h.tickAfter(Duration.ofSeconds(1));
        h.done("validate_data_quality", Map.of("quality_score", 0.85, "anomalies", 12));

        Command notify = h.command("await_human_approval");
        assertThat(notify.tool().path("url").asText()).isEqualTo("{{ workload.workflow_approval_service }}/requests");
        assertThat(notify.context().path("args").path("issue").asText()).isEqualTo("Data quality below threshold");
        assertThat(notify.context().path("keychain").path("approvals_token").asText()).isEqualTo("***");
        h.done(notify, Map.of("status", 201));
        assertThat(h.state.status()).isEqualTo(Status.PAUSED);
        assertThat(h.state.nextWakeUp()).isEqualTo(h.clock.instant().plus(Duration.ofHours(24)));

        h.decide(new Decision("await_human_approval", "approve", "known upstream issue", "alice"));
        Command record = h.command("record_decision");
        assertThat(record.context().path("current_user").asText()).isEqualTo("alice");
        assertThat(record.context().path("vars").path("approval_action").asText()).isEqualTo("approve");
        assertThat(record.tool().path("data").path("decision_maker").asText()).isEqualTo("{{ current_user }}");
        h.done(record, Map.of("rows", 1));
        h.done("load", Map.of("loaded", true));

        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.state.result()).isEqualTo(Map.of("load", Map.of("loaded", true)));
        assertThat(h.events(EventTypes.DECISION_RECORDED)).hasSize(1);
        assertThat(h.events(EventTypes.RETRY_SCHEDULED)).hasSize(1);
    }

    @Test
    void goodDataSkipsTheApproval() {
        Harness h = new Harness(pb).start(Map.of());
        h.done("validate_data_quality", Map.of("quality_score", 0.97, "anomalies", 0));
        h.done("load", Map.of("loaded", true));

        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.state.steps()).doesNotContainKey("await_human_approval");
    }

    @Test
    void aRejectionFailsTheLoadWithTheReviewersReason() {
        Harness h = new Harness(pb).start(Map.of());
        h.done("validate_data_quality", Map.of("quality_score", 0.5, "anomalies", 40));
        h.done("await_human_approval", Map.of("status", 201));
        h.decide(new Decision("await_human_approval", "reject", "40 anomalies", "bob"));

        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.error()).isEqualTo("step await_human_approval rejected by bob: 40 anomalies");
        assertThat(h.open).isEmpty();
    }
}

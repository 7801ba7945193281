package io.noetl.schemas.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedPlaybookTest {

    private final String yaml = Yamls.resource("data_quality_gate.yaml");
    private final Playbook playbook = PlaybookParser.parse(yaml);

    @Test
    void readsMetadataWorkloadAndKeychain() {
        assertThat(playbook.apiVersion()).isEqualTo("noetl.io/v2");
        assertThat(playbook.name()).isEqualTo("data_quality_gate");
        assertThat(playbook.path()).isEqualTo("data/ingestion/data_quality_gate");
        assertThat(playbook.description()).startsWith("Pause for a human");
        assertThat(playbook.workload()).containsEntry("threshold", 0.9);
        assertThat(playbook.keychain()).containsExactly(
                new KeychainEntry("approval_token", "http_bearer", null, "APPROVAL_TOKEN"));
        assertThat(playbook.source()).isEqualTo(yaml);
        assertThat(playbook.entry().name()).isEqualTo("start");
    }

    @Test
    void qualityCheckRoutesToApprovalWithArgsAndElseToEnd() {
        Step check = playbook.step("validate_data_quality").orElseThrow();
        assertThat(check.tool().kind()).isEqualTo(ToolKind.PYTHON);
        assertThat((String) check.tool().config().get("code")).contains("quality_score");
        assertThat(check.line()).isEqualTo(19);
        assertThat(check.next().mode()).isEqualTo(Next.Mode.EXCLUSIVE);
        assertThat(check.next().arcs()).containsExactly(
                new Arc("await_human_approval",
                        "{{ validate_data_quality.quality_score < workload.threshold }}",
                        Map.of("issue", "Data quality below threshold"), 31),
                new Arc("end", null, Map.of(), 35));
        assertThat(check.spec().policy()).containsExactly(
                new PolicyRule(null, PolicyRule.Action.RETRY, 2, PolicyRule.Backoff.EXPONENTIAL, 500));
    }

    @Test
    void approvalPostsAndWaitsForADecision() {
        Step approval = playbook.step("await_human_approval").orElseThrow();
        assertThat(approval.tool().kind()).isEqualTo(ToolKind.HTTP);
        assertThat(approval.tool().config()).containsEntry("method", "POST")
                .containsEntry("url", "{{ workload.workflow_approval_service }}/requests");
        assertThat(approval.spec()).isEqualTo(new StepSpec(30_000L, true, 86_400_000L, List.of(), "default"));
    }

    @Test
    void decisionIsRecordedIntoATable() {
        Step record = playbook.step("record_decision").orElseThrow();
        assertThat(record.tool().kind()).isEqualTo(ToolKind.POSTGRES);
        assertThat(record.tool().config()).containsEntry("table", "execution_decisions");
        assertThat(record.next().arcs()).extracting(Arc::step).containsExactly("end");
        Step end = playbook.step("end").orElseThrow();
        assertThat(end.tool()).isNull();
        assertThat(end.toolKind()).isEqualTo(ToolKind.NOOP);
        assertThat(end.next()).isEqualTo(Next.NONE);
        assertThat(end.spec()).isEqualTo(StepSpec.DEFAULT);
        assertThat(end.args()).isEmpty();
    }
}

package io.noetl.schemas.playbook;

import static io.noetl.schemas.playbook.Yamls.withWorkflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepSpecAndLoopTest {

    private static Step onlyStep(String step) {
        return PlaybookParser.parse(withWorkflow(step)).workflow().get(0);
    }

    @ParameterizedTest(name = "timeout {0} is {1} ms")
    @CsvSource({"90, 90000", "30s, 30000", "5m, 300000", "2h, 7200000", "500ms, 500", "1d, 86400000", "1.5, 1500"})
    void timeoutsAreSecondsOrSuffixedDurations(String written, long millis) {
        assertThat(onlyStep("  - step: a\n    spec: {timeout: " + written + "}\n").spec().timeoutMs()).isEqualTo(millis);
    }

    @Test
    void durationsRejectUnknownUnitsNamingTheValue() {
        assertThatThrownBy(() -> Durations.toMillis("3 weeks")).hasMessageContaining("'3 weeks'");
    }

    @Test
    void shortRetryBecomesOneCatchAllRetryRuleWithDefaults() {
        assertThat(onlyStep("  - step: a\n    retry: {max_attempts: 5}\n").spec().policy()).containsExactly(
                new PolicyRule(null, PolicyRule.Action.RETRY, 5, PolicyRule.Backoff.EXPONENTIAL, 1_000));
        assertThat(onlyStep("  - step: a\n    retry: {}\n").spec().policy()).containsExactly(
                new PolicyRule(null, PolicyRule.Action.RETRY, 3, PolicyRule.Backoff.EXPONENTIAL, 1_000));
        assertThat(onlyStep("  - step: a\n    spec:\n      retry: {max_attempts: 2, backoff: fixed, delay: 2s}\n")
                .spec().policy()).containsExactly(
                new PolicyRule(null, PolicyRule.Action.RETRY, 2, PolicyRule.Backoff.FIXED, 2_000));
    }

    @Test
    void policyRulesKeepTheirOrderAndTheShortRetryComesLast() {
        Step step = onlyStep("""
                  - step: a
                    retry: {max_attempts: 4}
                    spec:
                      pool: gpu
                      policy:
                        rules:
                          - when: "{{ outcome.http.status == 404 }}"
                            then: {do: fail}
                          - when: "{{ outcome.error.retriable }}"
                            then: {do: retry, backoff: fixed, delay: 250ms}
                          - then: {do: continue}
                """);
        assertThat(step.spec().pool()).isEqualTo("gpu");
        assertThat(step.spec().policy()).containsExactly(
                new PolicyRule("{{ outcome.http.status == 404 }}", PolicyRule.Action.FAIL, 1, PolicyRule.Backoff.EXPONENTIAL, 1_000),
                new PolicyRule("{{ outcome.error.retriable }}", PolicyRule.Action.RETRY, 3, PolicyRule.Backoff.FIXED, 250),
                new PolicyRule(null, PolicyRule.Action.CONTINUE, 1, PolicyRule.Backoff.EXPONENTIAL, 1_000),
                new PolicyRule(null, PolicyRule.Action.RETRY, 4, PolicyRule.Backoff.EXPONENTIAL, 1_000));
    }

    @Test
    void withoutSpecAStepRunsOnceInTheDefaultPool() {
        Step step = onlyStep("  - step: a\n    tool: noop\n");
        assertThat(step.spec()).isEqualTo(StepSpec.DEFAULT);
        assertThat(step.tool()).isEqualTo(new Tool(ToolKind.NOOP, Map.of()));
    }

    @Test
    void loopsAreSequentialByDefault() {
        Step step = onlyStep("  - step: a\n    loop: {in: \"{{ workload.items }}\", iterator: item}\n");
        assertThat(step.loop()).isEqualTo(new Loop("{{ workload.items }}", "item", Loop.Mode.SEQUENTIAL, 1));
        Step explicit = onlyStep("  - step: a\n    loop: {in: \"{{ x }}\", iterator: i, spec: {mode: sequential, max_in_flight: 9}}\n");
        assertThat(explicit.loop().maxInFlight()).isEqualTo(1);
    }

    @Test
    void parallelLoopsRunSixteenAtOnceUnlessTold() {
        assertThat(onlyStep("  - step: a\n    loop: {in: \"{{ x }}\", iterator: i, spec: {mode: parallel}}\n").loop())
                .isEqualTo(new Loop("{{ x }}", "i", Loop.Mode.PARALLEL, 16));
        assertThat(onlyStep("  - step: a\n    loop: {in: \"{{ x }}\", iterator: i, spec: {mode: parallel, max_in_flight: 4}}\n")
                .loop().maxInFlight()).isEqualTo(4);
    }

    @Test
    void loopNeedsInAndIterator() {
        assertThat(Yamls.problems(withWorkflow("  - step: a\n    loop: {spec: {mode: parallel}}\n")))
                .extracting(Problem::message)
                .allSatisfy(m -> assertThat(m).startsWith("missing"))
                .hasSize(2);
    }

    @Test
    void stepsKeepArgsDescAndTheirLines() {
        Playbook playbook = PlaybookParser.parse(withWorkflow("""
                  - step: a
                    desc: first
                    args: {n: 1, list: [x, y]}
                    next: b

                  - step: b
                """));
        assertThat(playbook.workflow()).extracting(Step::line).containsExactly(6, 11);
        Step a = playbook.workflow().get(0);
        assertThat(a.desc()).isEqualTo("first");
        assertThat(a.args()).isEqualTo(Map.of("n", 1, "list", List.of("x", "y")));
        assertThat(playbook.entry()).isEqualTo(a);
    }

    @Test
    void yamlAnchorsAndMergeKeysAreResolved() {
        Playbook playbook = PlaybookParser.parse(withWorkflow("""
                  - step: a
                    tool: &pg {kind: postgres, command: "select 1", connection: "{{ keychain.pg }}"}
                    next: b
                  - step: b
                    tool:
                      <<: *pg
                      command: "select 2"
                """));
        assertThat(playbook.workflow().get(1).tool().config())
                .containsEntry("command", "select 2")
                .containsEntry("connection", "{{ keychain.pg }}");
    }
}

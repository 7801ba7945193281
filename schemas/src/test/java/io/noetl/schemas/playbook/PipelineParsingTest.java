package io.noetl.schemas.playbook;

import static io.noetl.schemas.playbook.Yamls.problems;
import static io.noetl.schemas.playbook.Yamls.withWorkflow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code tool:} as NoETL writes it: a pipeline of labeled tasks, each with its own policy and writes. */
class PipelineParsingTest {

    private static Step onlyStep(String workflow) {
        return PlaybookParser.parse(withWorkflow(workflow)).workflow().get(0);
    }

    @Test
    void aListOfNamedTasksIsThePipelineInOrder() {
        Step step = onlyStep("""
                  - step: load
                    tool:
                      - name: fetch
                        kind: http
                        url: "{{ workload.api }}"
                      - name: store
                        kind: postgres
                        query: "insert into t values ('{{ _prev.id }}')"
                """);
        assertThat(step.tasks()).extracting(Task::name).containsExactly("fetch", "store");
        assertThat(step.tasks()).extracting(Task::kind).containsExactly(ToolKind.HTTP, ToolKind.POSTGRES);
        assertThat(step.tasks().get(0).config()).isEqualTo(Map.of("url", "{{ workload.api }}"));
        assertThat(step.tool()).isEqualTo(new Tool(ToolKind.HTTP, Map.of("url", "{{ workload.api }}")));
        assertThat(step.toolKind()).isEqualTo(ToolKind.HTTP);
    }

    @Test
    void unnamedTasksAreNumberedFromZeroAndASingleMappingIsNamedAfterTheStep() {
        Step list = onlyStep("  - step: a\n    tool:\n      - {kind: noop}\n      - {kind: noop}\n");
        assertThat(list.tasks()).extracting(Task::name).containsExactly("task_0", "task_1");
        Step single = onlyStep("  - step: a\n    tool: {kind: python, code: 'result = 1'}\n");
        assertThat(single.tasks()).singleElement().extracting(Task::name).isEqualTo("a_task");
        Step bare = onlyStep("  - step: a\n    tool: noop\n");
        assertThat(bare.tasks()).singleElement().extracting(Task::kind).isEqualTo(ToolKind.NOOP);
    }

    @Test
    void taskPoliciesAreReadWithEveryActionAndTakenOutOfTheToolConfiguration() {
        Step step = onlyStep("""
                  - step: page
                    tool:
                      - name: fetch
                        kind: http
                        url: u
                        spec:
                          timeout: {connect: 5}
                          policy:
                            rules:
                              - when: "{{ output.status == 'error' and output.http.status == 429 }}"
                                then: {do: retry, attempts: 5, backoff: linear, delay: 2}
                              - when: "{{ output.status == 'error' }}"
                                then: {do: fail}
                              - when: "{{ iter.has_more }}"
                                then: {do: jump, to: fetch, set_iter: {page: "{{ iter.page + 1 }}"}}
                              - when: true
                                then: {do: continue, set: {ctx.seen: true}}
                              - else:
                                  then: {do: break}
                      - name: done
                        kind: noop
                        spec:
                          policy:
                            rules:
                              - else: {do: continue}
                """);
        Task fetch = step.tasks().get(0);
        assertThat(fetch.config()).isEqualTo(Map.of("url", "u", "spec", Map.of("timeout", Map.of("connect", 5))));
        assertThat(fetch.policy()).extracting(PolicyRule::action).containsExactly(PolicyRule.Action.RETRY,
                PolicyRule.Action.FAIL, PolicyRule.Action.JUMP, PolicyRule.Action.CONTINUE, PolicyRule.Action.BREAK);
        PolicyRule retry = fetch.policy().get(0);
        assertThat(retry.attempts()).isEqualTo(5);
        assertThat(retry.backoff()).isEqualTo(PolicyRule.Backoff.LINEAR);
        assertThat(retry.delayMs()).isEqualTo(2_000);
        PolicyRule jump = fetch.policy().get(2);
        assertThat(jump.to()).isEqualTo("fetch");
        assertThat(jump.set()).isEqualTo(Map.of("iter.page", "{{ iter.page + 1 }}"));
        assertThat(fetch.policy().get(3).when()).isEqualTo("{{ true }}");
        assertThat(fetch.policy().get(3).set()).isEqualTo(Map.of("ctx.seen", true));
        assertThat(fetch.policy().get(4).when()).isNull();
        Task done = step.tasks().get(1);
        assertThat(done.config()).isEmpty();
        assertThat(done.policy()).singleElement().extracting(PolicyRule::action).isEqualTo(PolicyRule.Action.CONTINUE);
    }

    @Test
    void aTasksOwnSetIsKeptApartFromItsConfiguration() {
        Step step = onlyStep("""
                  - step: a
                    tool:
                      - name: make
                        kind: python
                        code: "result = 1"
                        set: {made: "{{ output }}"}
                """);
        assertThat(step.tasks().get(0).set()).isEqualTo(Map.of("made", "{{ output }}"));
        assertThat(step.tasks().get(0).config()).doesNotContainKey("set");
    }

    @Test
    void rejectsAJumpToATaskThePipelineDoesNotHaveButAcceptsPrevious() {
        assertThat(problems(withWorkflow("""
                  - step: a
                    tool:
                      - name: one
                        kind: noop
                        spec: {policy: {rules: [{else: {then: {do: jump, to: nowhere}}}]}}
                """)))
                .singleElement().satisfies(p -> assertThat(p.message())
                        .contains("task 'one' jumps to unknown task 'nowhere'"));
        onlyStep("""
                  - step: a
                    tool:
                      - {name: one, kind: noop}
                      - {name: two, kind: noop, spec: {policy: {rules: [{else: {then: {do: jump, to: previous}}}]}}}
                """);
    }

    @Test
    void rejectsDuplicateTaskNamesAndUnknownActions() {
        assertThat(problems(withWorkflow("""
                  - step: a
                    tool:
                      - {name: x, kind: noop}
                      - {name: x, kind: noop, spec: {policy: {rules: [{then: {do: panic}}]}}}
                """)))
                .extracting(Problem::message)
                .containsExactly("duplicate task name 'x' (first at line 8)",
                        "'panic' is not one of retry, fail, continue, break, jump");
    }

    @Test
    void acceptsTheFieldSpellingsOfNoetlsTools() {
        Playbook playbook = PlaybookParser.parse(withWorkflow("""
                  - step: start
                    tool:
                      - {kind: shell, cmds: ["echo hi"]}
                      - {kind: postgres, query: "select 1"}
                      - {kind: duckdb, commands: "select 1"}
                      - {kind: python, spec: {code: "result = 1"}}
                      - {kind: python, script: {uri: "file://x.py"}}
                      - {kind: http, endpoint: "http://x"}
                      - {kind: transfer, source: {type: postgres}, target: {type: duckdb}}
                      - {kind: nats, operation: kv_get, bucket: b, key: k}
                """));
        assertThat(playbook.workflow().get(0).tasks()).hasSize(8);
        assertThat(playbook.warnings()).isEmpty();
    }

    @Test
    void stepInputIsMergedUnderEachTasksOwnInput() {
        Step step = onlyStep("""
                  - step: a
                    input: {num: "{{ iter.num }}", shared: 1}
                    tool: {kind: python, code: "result = num", input: {shared: 2}}
                """);
        assertThat(step.tasks().get(0).config().get("input")).isEqualTo(Map.of("num", "{{ iter.num }}",
                "shared", 2));
    }

    @Test
    void workbookTasksAreResolvedIntoTheToolTheyName() {
        Playbook playbook = PlaybookParser.parse(Yamls.HEADER + """
                workbook:
                  - name: compute_flag
                    tool:
                      kind: python
                      input: {temperature_c: null, unit: c}
                      code: "result = {'is_hot': temperature_c > 25}"
                  - name: legacy
                    tool: python
                    code: "result = 2"
                workflow:
                  - step: start
                    tool: {kind: workbook, name: compute_flag, input: {temperature_c: "{{ workload.t }}"}}
                    next: [other]
                  - step: other
                    tool:
                      - {name: run_it, kind: workbook, task: legacy}
                """);
        Task flag = playbook.workflow().get(0).tasks().get(0);
        assertThat(flag.kind()).isEqualTo(ToolKind.PYTHON);
        assertThat(flag.name()).isEqualTo("start_task");
        assertThat(flag.config().get("input")).isEqualTo(Map.of("temperature_c", "{{ workload.t }}", "unit", "c"));
        assertThat(flag.config().get("code")).isEqualTo("result = {'is_hot': temperature_c > 25}");
        Task legacy = playbook.workflow().get(1).tasks().get(0);
        assertThat(legacy.name()).isEqualTo("run_it");
        assertThat(legacy.tool()).isEqualTo(new Tool(ToolKind.PYTHON, Map.of("code", "result = 2")));
    }

    @Test
    void rejectsACallToAWorkbookTaskThatDoesNotExist() {
        assertThat(problems(Yamls.HEADER + """
                workbook: [{name: known, tool: {kind: noop}}]
                workflow:
                  - step: start
                    tool: {kind: workbook, name: unknown}
                """))
                .singleElement().satisfies(p -> assertThat(p.message())
                        .isEqualTo("unknown workbook task 'unknown' (workbook: known)"));
    }

    @Test
    void kindsThisProductDoesNotRunRegisterWithAWarningNamingTheKind() {
        Playbook playbook = PlaybookParser.parse(withWorkflow("""
                  - step: a
                    tool: {kind: snowflake, command: "select 1"}
                """));
        assertThat(playbook.workflow().get(0).toolKind()).isEqualTo(ToolKind.SNOWFLAKE);
        assertThat(playbook.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("workflow[0].tool.kind");
            assertThat(w.message()).contains("'snowflake' is not supported here");
        });
        assertThat(List.of(ToolKind.CONTAINER, ToolKind.DUCKLAKE, ToolKind.AGENT))
                .noneMatch(ToolKind::runsHere);
        assertThat(List.of(ToolKind.NATS, ToolKind.TRANSFER, ToolKind.SHELL)).allMatch(ToolKind::runsHere);
    }
}

package io.noetl.schemas.playbook;

import static io.noetl.schemas.playbook.Yamls.problems;
import static io.noetl.schemas.playbook.Yamls.withWorkflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaybookProblemsTest {

    @Test
    void malformedYamlIsOneProblemWithTheLineSnakeYamlReports() {
        assertThat(problems("apiVersion: noetl.io/v2\nkind: Playbook\nmetadata: {name: t\nworkflow: []\n"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("malformed YAML"))
                .extracting(Problem::line).isEqualTo(4);
    }

    @Test
    void rejectsADocumentThatIsNotAMapping() {
        assertThat(problems("- step: a\n- step: b\n")).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("$"))
                .satisfies(p -> assertThat(p.message()).contains("must be a mapping"));
        assertThat(problems("")).singleElement().extracting(Problem::message).asString().contains("empty document");
    }

    @Test
    void rejectsWrongApiVersionAndKindWithTheirLines() {
        assertThat(problems("apiVersion: noetl.io/v1\nkind: Workflow\nmetadata: {name: t}\nworkflow: [{step: a}]\n"))
                .extracting(Problem::path, Problem::line)
                .containsExactly(tuple("apiVersion", 1), tuple("kind", 2));
        assertThat(problems("metadata: {name: t}\nworkflow: [{step: a}]\n"))
                .extracting(Problem::message)
                .containsExactly("missing 'apiVersion: noetl.io/v2'", "missing 'kind: Playbook'");
    }

    @Test
    void rejectsMetadataWithoutNameOrPath() {
        assertThat(problems("apiVersion: noetl.io/v2\nkind: Playbook\nmetadata:\n  description: d\nworkflow: [{step: a}]\n"))
                .singleElement().extracting(Problem::path, Problem::line).containsExactly("metadata", 3);
        assertThat(problems("apiVersion: noetl.io/v2\nkind: Playbook\nworkflow: [{step: a}]\n"))
                .singleElement().extracting(Problem::message).asString().contains("missing 'metadata'");
    }

    @Test
    void pathFallsBackToNameAndNameToThePathsLastSegment() {
        Playbook named = PlaybookParser.parse("apiVersion: noetl.io/v2\nkind: Playbook\nmetadata: {name: daily}\nworkflow: [{step: a}]\n");
        assertThat(named.path()).isEqualTo("daily");
        Playbook pathed = PlaybookParser.parse("apiVersion: noetl.io/v2\nkind: Playbook\nmetadata: {path: data/daily}\nworkflow: [{step: a}]\n");
        assertThat(pathed.name()).isEqualTo("daily");
        assertThat(problems("apiVersion: noetl.io/v2\nkind: Playbook\nmetadata: {path: /data/../x}\nworkflow: [{step: a}]\n"))
                .singleElement().extracting(Problem::path).isEqualTo("metadata.path");
    }

    @Test
    void rejectsMissingOrEmptyWorkflow() {
        assertThat(problems(Yamls.HEADER)).singleElement().extracting(Problem::message).asString().contains("workflow");
        assertThat(problems(Yamls.HEADER + "workflow: []\n")).singleElement()
                .extracting(Problem::path, Problem::line).containsExactly("workflow", 5);
        assertThat(problems(Yamls.HEADER + "workflow: {step: a}\n")).singleElement()
                .extracting(Problem::message).asString().contains("must be a list");
    }

    @Test
    void rejectsStepWithoutANameWithItsLine() {
        assertThat(problems(withWorkflow("  - step: a\n    next: [b]\n  - desc: nameless\n  - step: b\n")))
                .singleElement().extracting(Problem::path, Problem::line).containsExactly("workflow[1]", 8);
    }

    @Test
    void rejectsDuplicateStepNamesNamingBothLines() {
        assertThat(problems(withWorkflow("  - step: a\n    next: b\n  - step: b\n  - step: b\n")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("duplicate step name 'b'").contains("lines 8 and 9"))
                .extracting(Problem::path, Problem::line).containsExactly("workflow[2].step", 9);
    }

    @Test
    void rejectsArcToUnknownStepWithItsLine() {
        assertThat(problems(withWorkflow("""
                  - step: a
                    next:
                      - when: "{{ a.ok }}"
                        then:
                          - step: b
                      - step: nowhere
                  - step: b
                """)))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("unknown step 'nowhere'"))
                .extracting(Problem::path, Problem::line).containsExactly("workflow[0].next[1].step", 11);
    }

    @Test
    void warnsAboutStepsUnreachableFromTheStartStepButRegistersThem() {
        Playbook playbook = PlaybookParser.parse(withWorkflow("""
                  - step: orphan
                  - step: start
                    next: end
                  - step: end
                """));
        assertThat(playbook.warnings())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'orphan' is unreachable from the entry step 'start'"))
                .extracting(Problem::path, Problem::line).containsExactly("workflow[0]", 6);
    }

    @Test
    void reportsBadTemplateSyntaxWhereverItIsWritten() {
        String yaml = """
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata: {name: t}
                workload:
                  url: "{{ base "
                workflow:
                  - step: a
                    args: {x: "{{ }}"}
                    tool: {kind: http, url: "{{ workload.url }}/{% if x %}"}
                    loop: {in: "{{ workload.items ", iterator: item}
                    next:
                      - when: "{{ a.ok "
                        then: [b]
                  - step: b
                """;
        assertThat(problems(yaml))
                .allSatisfy(p -> assertThat(p.message()).startsWith("bad template syntax"))
                .extracting(Problem::path, Problem::line)
                .containsExactly(
                        tuple("workload.url", 5),
                        tuple("workflow[0].args.x", 8),
                        tuple("workflow[0].tool.url", 9),
                        tuple("workflow[0].loop.in", 10),
                        tuple("workflow[0].next[0].when", 12));
    }

    @Test
    void rejectsUnknownToolKindListingTheValidOnes() {
        assertThat(problems(withWorkflow("  - step: a\n    tool:\n      kind: perl\n")))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("unknown tool kind 'perl'").contains("python, http, postgres, duckdb, shell, playbook, noop"))
                .extracting(Problem::path, Problem::line).containsExactly("workflow[0].tool.kind", 8);
        assertThat(problems(withWorkflow("  - step: a\n    tool: ruby\n"))).singleElement()
                .extracting(Problem::path).isEqualTo("workflow[0].tool");
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{kind: python}                          | 'code'",
        "{kind: http, method: POST}              | 'url'",
        "{kind: postgres}                        | 'command' (or 'table' and 'data')",
        "{kind: postgres, table: t}              | 'data'",
        "{kind: duckdb, data: {a: 1}}            | 'command' (or 'table' and 'data')",
        "{kind: shell}                           | 'command'",
        "{kind: playbook}                        | 'path'",
        "python                                  | 'code'",
    })
    void rejectsToolsMissingTheirRequiredFields(String tool, String missing) {
        assertThat(problems(withWorkflow("  - step: a\n    tool: " + tool + "\n")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("missing " + missing))
                .extracting(Problem::path, Problem::line).containsExactly("workflow[0].tool", 7);
    }

    @Test
    void rejectsUnknownHttpMethodButAcceptsTemplatesAndLowerCase() {
        assertThat(problems(withWorkflow("  - step: a\n    tool: {kind: http, url: u, method: FETCH}\n")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("GET, POST"))
                .extracting(Problem::path).isEqualTo("workflow[0].tool.method");
        PlaybookParser.parse(withWorkflow("  - step: a\n    tool: {kind: http, url: u, method: post}\n"
                + "  - step: b\n    tool: {kind: http, url: u, method: \"{{ workload.m }}\"}\n    next: a\n"
                + "  - step: start\n    next: [a, b]\n"));
    }

    @Test
    void rejectsBadDurationsWithTheirLines() {
        assertThat(problems(withWorkflow("""
                  - step: a
                    spec:
                      timeout: soon
                      wait_timeout: -5
                    retry: {delay: 1w}
                """)))
                .extracting(Problem::path, Problem::line)
                .containsExactly(
                        tuple("workflow[0].spec.timeout", 8),
                        tuple("workflow[0].spec.wait_timeout", 9),
                        tuple("workflow[0].retry.delay", 10));
    }

    @Test
    void rejectsBadEnumValuesListingTheValidOnes() {
        assertThat(problems(withWorkflow("""
                  - step: a
                    next: {spec: {mode: some}, arcs: [b]}
                    spec:
                      wait: approval
                      policy:
                        rules:
                          - then: {do: panic, backoff: linear}
                  - step: b
                    loop: {in: "{{ workload.items }}", iterator: item, spec: {mode: batch}}
                """)))
                .extracting(Problem::path, Problem::message)
                .containsExactly(
                        tuple("workflow[0].next.spec.mode", "'some' is not one of exclusive, inclusive"),
                        tuple("workflow[0].spec.wait", "'approval' is not a wait kind (only 'decision')"),
                        tuple("workflow[0].spec.policy.rules[0].then.do", "'panic' is not one of retry, fail, continue"),
                        tuple("workflow[0].spec.policy.rules[0].then.backoff", "'linear' is not one of fixed, exponential"),
                        tuple("workflow[1].loop.spec.mode", "'batch' is not one of sequential, parallel, cursor"));
    }

    @Test
    void rejectsKeychainEntriesWithBothOrNeitherValueAndEnvOrABadKind() {
        String yaml = Yamls.HEADER + """
                keychain:
                  - {name: a, kind: secret, value: x, env: A}
                  - {name: b, kind: secret}
                  - {name: c, kind: password, env: C}
                  - {name: d, kind: postgres, value: "postgresql://h/db"}
                workflow: [{step: s}]
                """;
        assertThat(problems(yaml))
                .extracting(Problem::path, Problem::line)
                .containsExactly(tuple("keychain[0]", 6), tuple("keychain[1]", 7), tuple("keychain[2].kind", 8));
    }

    @Test
    void rejectsWrongTypes() {
        assertThat(problems(withWorkflow("""
                  - step: a
                    args: [1, 2]
                    desc: {x: 1}
                    spec: 30s
                    loop: "{{ workload.items }}"
                """)))
                .extracting(Problem::path, Problem::message)
                .containsExactly(
                        tuple("workflow[0].args", "must be a mapping, got a list"),
                        tuple("workflow[0].desc", "must be a string, got a mapping"),
                        tuple("workflow[0].spec", "must be a mapping, got '30s'"),
                        tuple("workflow[0].loop", "must be a mapping, got '{{ workload.items }}'"));
    }

    @Test
    void rejectsDuplicateKeysWithBothLines() {
        assertThat(problems(withWorkflow("  - step: a\n    desc: one\n    desc: two\n")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("duplicate key 'desc' (first at line 7)"))
                .extracting(Problem::line).isEqualTo(8);
    }

    @Test
    void reportsEveryProblemOfADocumentInLineOrder() {
        String yaml = """
                apiVersion: noetl.io/v3
                kind: Playbook
                metadata: {name: broken}
                keychain:
                  - {name: token, kind: http_bearer}
                workflow:
                  - step: start
                    args: nope
                    tool: {kind: http, method: POST}
                    spec: {timeout: 5 minutes, pool: "a.b"}
                    next:
                      - when: "{{ start.status == 200 "
                        then: [fetch]
                      - else: [missing]
                  - step: fetch
                    tool: {kind: python}
                    loop: {in: "{{ start.body.items }}", iterator: "my item", spec: {mode: parallel, max_in_flight: 0}}
                  - step: fetch
                  - step: island
                """;
        // the unreachable 'island' (line 19) is a warning, not a problem
        assertThat(problems(yaml)).extracting(Problem::line)
                .containsExactly(1, 5, 8, 9, 10, 10, 12, 14, 16, 17, 17, 18)
                .isSorted();
    }
}

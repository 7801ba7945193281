package io.noetl.schemas.playbook;

import static io.noetl.schemas.playbook.Yamls.problems;
import static io.noetl.schemas.playbook.Yamls.withWorkflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Step-level constructs of NoETL's playbooks: admission, writes, cursor loops, entry points, warnings. */
class StepShapesTest {

    private static Playbook parse(String workflow) {
        return PlaybookParser.parse(withWorkflow(workflow));
    }

    @Test
    void admissionRulesAreReadFromTheStepsPolicy() {
        Step step = parse("""
                  - step: a
                    spec:
                      policy:
                        admit:
                          rules:
                            - when: "{{ workload.enabled }}"
                              then: {allow: true}
                            - else:
                                then: {allow: false}
                """).workflow().get(0);
        assertThat(step.spec().admit()).containsExactly(new AdmitRule("{{ workload.enabled }}", true),
                new AdmitRule(null, false));
        assertThat(step.spec().policy()).isEmpty();
    }

    @Test
    void aLegacyStepWhenIsReadAsAnAdmissionGateWithAWarning() {
        Playbook playbook = parse("  - step: a\n    when: \"{{ workload.go }}\"\n");
        assertThat(playbook.workflow().get(0).spec().admit()).containsExactly(
                new AdmitRule("{{ workload.go }}", true), new AdmitRule(null, false));
        assertThat(playbook.warnings()).extracting(Problem::path).containsExactly("workflow[0].when");
    }

    @Test
    void stepSetVarsAndArcSetAreKeptAsScopedWrites() {
        Playbook playbook = parse("""
                  - step: a
                    set: {ctx.total: "{{ result.count }}", flag: true}
                    vars: {last: "{{ a.id }}"}
                    next:
                      spec: {mode: exclusive}
                      arcs:
                        - step: b
                          set: {ctx.from_a: "{{ a.id }}"}
                  - step: b
                """);
        Step a = playbook.workflow().get(0);
        assertThat(a.set()).isEqualTo(Map.of("ctx.total", "{{ result.count }}", "flag", true,
                "vars.last", "{{ a.id }}"));
        assertThat(a.next().arcs().get(0).set()).isEqualTo(Map.of("ctx.from_a", "{{ a.id }}"));
    }

    @Test
    void cursorLoopsAndTemplatedMaxInFlightParse() {
        Playbook playbook = parse("""
                  - step: drain
                    loop:
                      cursor: {kind: postgres, auth: pg, claim: "update q set taken = true returning id"}
                      iterator: row
                      spec: {mode: cursor, max_in_flight: "{{ workload.workers }}"}
                    tool: {kind: noop}
                  - step: fan
                    loop:
                      in: "{{ workload.items }}"
                      iterator: item
                      spec: {mode: parallel, max_in_flight: "{{ (workload.width | default(1) | int) or 1 }}"}
                    tool: {kind: noop}
                """);
        Loop cursor = playbook.workflow().get(0).loop();
        assertThat(cursor.mode()).isEqualTo(Loop.Mode.CURSOR);
        assertThat(cursor.in()).isNull();
        assertThat(cursor.cursor()).containsEntry("claim", "update q set taken = true returning id");
        assertThat(cursor.maxInFlightTemplate()).isEqualTo("{{ workload.workers }}");
        Loop fan = playbook.workflow().get(1).loop();
        assertThat(fan.maxInFlightTemplate()).isEqualTo("{{ (workload.width | default(1) | int) or 1 }}");
        assertThat(fan.maxInFlight()).isEqualTo(LoopParser.DEFAULT_MAX_IN_FLIGHT);
    }

    @Test
    void rejectsACursorWithoutCursorModeOrClaim() {
        assertThat(problems(withWorkflow("""
                  - step: drain
                    loop: {cursor: {kind: postgres}, iterator: row}
                """)))
                .extracting(Problem::path, Problem::message)
                .containsExactly(
                        tuple("workflow[0].loop.cursor", "a loop with 'cursor' needs spec.mode: cursor"),
                        tuple("workflow[0].loop.cursor", "missing 'claim': the statement that claims the next row"));
    }

    @Test
    void theExecutorsEntryStepIsWhereExecutionsStart() {
        Playbook playbook = PlaybookParser.parse(Yamls.HEADER + """
                executor:
                  profile: auto
                  spec: {entry_step: begin, final_step: wrap_up, no_next_is_error: false}
                workflow:
                  - step: start
                  - step: begin
                    next: [start, wrap_up]
                  - step: wrap_up
                """);
        assertThat(playbook.entry().name()).isEqualTo("begin");
        assertThat(playbook.executor()).isEqualTo(new Executor("begin", "wrap_up"));
        assertThat(playbook.warnings()).isEmpty();
        assertThat(problems(Yamls.HEADER + "executor: {spec: {entry_step: nope}}\nworkflow: [{step: a}]\n"))
                .singleElement().extracting(Problem::path, Problem::message)
                .containsExactly("executor.spec.entry_step", "unknown step 'nope'");
    }

    @Test
    void aStepWithoutNextRoutesToEndWhenTheWorkflowHasOne() {
        Playbook playbook = parse("""
                  - step: start
                    next: [step1]
                  - step: step1
                  - step: end
                """);
        assertThat(playbook.step("step1").orElseThrow().next().arcs()).extracting(Arc::step).containsExactly("end");
        assertThat(playbook.step("end").orElseThrow().next().arcs()).isEmpty();
        assertThat(playbook.warnings()).isEmpty();
        Playbook withoutEnd = parse("  - step: start\n    next: [last]\n  - step: last\n");
        assertThat(withoutEnd.step("last").orElseThrow().next().arcs()).isEmpty();
    }

    @Test
    void aStrayClosingBraceInAJsonLiteralIsTextAsInJinja2ButAnUnclosedExpressionIsNot() {
        parse("  - step: a\n    tool: {kind: postgres, command: 'select ''{\"a\": {\"b\": \"{{ workload.x }}\"}}''' }\n");
        assertThat(problems(withWorkflow("  - step: a\n    args: {x: \"{{ workload.x }\"}\n")))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("bad template syntax"));
    }

    @Test
    void unknownKeysAreWarningsWithTheirPathAndLine() {
        Playbook playbook = PlaybookParser.parse(Yamls.HEADER + """
                tracing: {enabled: true}
                workflow:
                  - step: a
                    colour: blue
                    loop: {in: "{{ x }}", iterator: i, chunk: 3}
                    next:
                      spec: {mode: exclusive}
                      arcs: [{step: b, weight: 2}]
                  - step: b
                """);
        assertThat(playbook.warnings()).extracting(Problem::path, Problem::line, Problem::message).containsExactly(
                tuple("tracing", 5, "unknown key 'tracing' in a playbook (ignored)"),
                tuple("workflow[0].colour", 8, "unknown key 'colour' in a step (ignored)"),
                tuple("workflow[0].loop.chunk", 9, "unknown key 'chunk' in a loop (ignored)"),
                tuple("workflow[0].next.arcs[0].weight", 12, "unknown key 'weight' in an arc (ignored)"));
    }

    @Test
    void keychainEntriesOfNoetlsKindsKeepTheirFieldsForTheWorker() {
        Playbook playbook = PlaybookParser.parse(Yamls.HEADER + """
                keychain:
                  - {name: openai, kind: bearer, scope: global, token: "{{ workload.key }}"}
                  - {name: gcp, kind: secrets, provider: gcp, map: {api_key: "projects/p/secrets/s"}}
                  - {name: creds, kind: credential, credential: pg_local}
                  - {name: amadeus, kind: oauth2, endpoint: "https://x/token", data: {grant_type: client_credentials}}
                  - {name: id, kind: google_id_token, target_audience: "https://svc"}
                  - {name: static_map, kind: static, map: {client_id: abc}}
                  - {name: google, type: google_oauth, ref: google_oauth}
                workflow: [{step: a}]
                """);
        assertThat(playbook.keychain()).extracting(KeychainEntry::kind).containsExactly("bearer", "secrets",
                "credential", "oauth2", "google_id_token", "static", "google_oauth");
        assertThat(playbook.keychain().get(0).options()).isEqualTo(Map.of("scope", "global",
                "token", "{{ workload.key }}"));
        assertThat(playbook.keychain().get(6).options()).isEqualTo(Map.of("ref", "google_oauth"));
    }

    @Test
    void aPathWithLeadingSlashRegistersWithoutItAndTheV10ApiVersionIsAccepted() {
        Playbook playbook = PlaybookParser.parse("""
                apiVersion: noetl.io/v10
                kind: Playbook
                metadata: {name: t, path: /vars_test/api_test}
                workflow: [{step: a}]
                """);
        assertThat(playbook.path()).isEqualTo("vars_test/api_test");
        assertThat(playbook.warnings()).extracting(Problem::path).containsExactly("metadata.path");
    }

    @Test
    void aRootVarsBlockIsTheExecutionsInitialVarsWithAWarning() {
        Playbook playbook = PlaybookParser.parse(Yamls.HEADER + "vars: {mode: test}\nworkflow: [{step: a}]\n");
        assertThat(playbook.vars()).isEqualTo(Map.of("mode", "test"));
        assertThat(playbook.warnings()).extracting(Problem::path).containsExactly("vars");
        assertThat(List.of(playbook.workflow().get(0).name())).containsExactly("a");
    }

    @Test
    void aPlaybookUsingEveryNoetlShapeRegistersWithoutWarnings() {
        Playbook playbook = PlaybookParser.parse(Yamls.resource("noetl_shapes.yaml"));
        assertThat(playbook.warnings()).extracting(Problem::message)
                .containsExactly("step 'drain' is unreachable from the entry step 'start'");
        assertThat(playbook.step("reduce").orElseThrow().next().arcs()).extracting(Arc::step).containsExactly("end");
        assertThat(playbook.step("paginate").orElseThrow().tasks()).extracting(Task::name)
                .containsExactly("init", "fetch", "store");
        assertThat(playbook.step("twice").orElseThrow().tool().kind()).isEqualTo(ToolKind.PYTHON);
    }
}

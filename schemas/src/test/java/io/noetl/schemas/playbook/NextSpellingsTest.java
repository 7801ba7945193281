package io.noetl.schemas.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class NextSpellingsTest {

    private static final String TARGETS = """
              - step: low
                tool: noop
              - step: high
                tool: noop
            """;

    private static Next nextOfFirstStep(String next) {
        return PlaybookParser.parse(Yamls.withWorkflow("  - step: check\n    next:\n" + next + TARGETS))
                .workflow().get(0).next();
    }

    private static List<Tuple> arcs(Next next) {
        return next.arcs().stream().map(a -> tuple(a.step(), a.when(), a.args())).toList();
    }

    private static final List<Tuple> EXPECTED = List.of(
            tuple("low", "{{ check.score < 0.9 }}", Map.of("issue", "low score")),
            tuple("high", null, Map.of()));

    @Test
    void listOfStepWhenArgs() {
        Next next = nextOfFirstStep("""
                  - step: low
                    when: "{{ check.score < 0.9 }}"
                    args: {issue: low score}
                  - step: high
            """);
        assertThat(next.mode()).isEqualTo(Next.Mode.EXCLUSIVE);
        assertThat(arcs(next)).isEqualTo(EXPECTED);
    }

    @Test
    void whenThenListWithElse() {
        Next next = nextOfFirstStep("""
                  - when: "{{ check.score < 0.9 }}"
                    then:
                      - step: low
                        args:
                          issue: low score
                  - else:
                      - step: high
            """);
        assertThat(next.mode()).isEqualTo(Next.Mode.EXCLUSIVE);
        assertThat(arcs(next)).isEqualTo(EXPECTED);
    }

    @Test
    void thenWithoutWhenIsUnconditional() {
        Next next = nextOfFirstStep("""
                  - when: "{{ check.score < 0.9 }}"
                    then: [{step: low, args: {issue: low score}}]
                  - then: [high]
            """);
        assertThat(arcs(next)).isEqualTo(EXPECTED);
    }

    @Test
    void specAndArcs() {
        Next next = nextOfFirstStep("""
                  spec: {mode: exclusive}
                  arcs:
                    - {step: low, when: "{{ check.score < 0.9 }}", args: {issue: low score}}
                    - {step: high}
            """);
        assertThat(next.mode()).isEqualTo(Next.Mode.EXCLUSIVE);
        assertThat(arcs(next)).isEqualTo(EXPECTED);
    }

    @Test
    void inclusiveModeTakesEveryTrueArc() {
        Next next = nextOfFirstStep("""
                  spec: {mode: inclusive}
                  arcs: [low, high]
            """);
        assertThat(next.mode()).isEqualTo(Next.Mode.INCLUSIVE);
        assertThat(next.arcs()).extracting(Arc::step).containsExactly("low", "high");
    }

    @Test
    void bareStepNamesAreUnconditionalArcs() {
        assertThat(arcs(nextOfFirstStep("      [low, high]\n")))
                .containsExactly(tuple("low", null, Map.of()), tuple("high", null, Map.of()));
        Playbook single = PlaybookParser.parse(Yamls.withWorkflow("""
                  - step: a
                    next: b
                  - step: b
                """));
        assertThat(single.workflow().get(0).next().arcs()).containsExactly(new Arc("b", null, Map.of(), 7));
    }

    @Test
    void arcsKnowTheirLines() {
        Next next = nextOfFirstStep("""
                  - when: "{{ check.score < 0.9 }}"
                    then:
                      - step: low
                  - else:
                      - step: high
            """);
        assertThat(next.arcs()).extracting(Arc::line).containsExactly(10, 12);
    }
}

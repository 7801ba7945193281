package io.noetl.schemas.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final Map<String, Object> ctx = Map.of(
            "validate_data_quality", Map.of("quality_score", 0.85, "anomalies", 12),
            "workload", Map.of("items", List.of(1, 2, 3), "name", "daily"),
            "execution_id", "01HZZ");

    @Test
    void singleExpressionKeepsItsNativeType() {
        assertThat(Templates.render("{{ workload.items }}", ctx)).isEqualTo(List.of(1, 2, 3));
        assertThat(Templates.render("{{ validate_data_quality.anomalies }}", ctx)).isEqualTo(12);
    }

    @Test
    void mixedTextRendersToString() {
        assertThat(Templates.render("run {{ workload.name }} in {{ execution_id }}", ctx)).isEqualTo("run daily in 01HZZ");
    }

    @Test
    void rendersNestedMapsAndLists() {
        Object out = Templates.render(Map.of("a", List.of("{{ workload.name }}", 3)), ctx);
        assertThat(out).isEqualTo(Map.of("a", List.of("daily", 3)));
    }

    @Test
    void conditionsUseStepResultsByName() {
        assertThat(Templates.test("{{ validate_data_quality.quality_score < 0.9 }}", ctx)).isTrue();
        assertThat(Templates.test("{{ validate_data_quality.quality_score >= 0.9 }}", ctx)).isFalse();
        assertThat(Templates.test(null, ctx)).isTrue();
    }

    @Test
    void undefinedVariableIsAnErrorThatNamesIt() {
        assertThatThrownBy(() -> Templates.render("{{ missing_step.value }}", ctx))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("missing_step");
    }

    @Test
    void variableDefinedAsNullRendersAsNoneInsteadOfFailing() {
        Map<String, Object> withNull = new java.util.HashMap<>(ctx);
        withNull.put("current_user", null);
        withNull.put("vars", new java.util.HashMap<>(java.util.Collections.singletonMap("approval_comment", null)));
        assertThat(Templates.render("{{ current_user }}", withNull)).isNull();
        assertThat(Templates.render("by {{ current_user }}", withNull)).isEqualTo("by ");
        assertThat(Templates.test("{{ current_user is none }}", withNull)).isTrue();
        assertThat(Templates.render("{{ vars.approval_comment }}", withNull)).isNull();
        assertThatThrownBy(() -> Templates.render("{{ vars.missing }}", withNull))
                .isInstanceOf(TemplateException.class).hasMessageContaining("vars.missing");
    }

    @Test
    void nowIsAvailable() {
        assertThat(Templates.renderText("{{ now() }}", ctx)).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void syntaxErrorsAreReportedWithoutRendering() {
        assertThat(Templates.syntaxError("{{ a.b }}")).isEmpty();
        assertThat(Templates.syntaxError("{{ a.b ")).isPresent();
        assertThat(Templates.syntaxError("{% if x %}y")).isPresent();
    }

    @Test
    void tokenAsksTheTokenSourceOfTheContextWithNameAndAudience() {
        Map<String, Object> withSource = new java.util.HashMap<>(ctx);
        withSource.put(Templates.TOKEN_SOURCE, (TokenSource) (name, audience) -> name + "|" + audience);
        assertThat(Templates.render("Bearer {{ token(workload.name) }}", withSource)).isEqualTo("Bearer daily|null");
        assertThat(Templates.render("{{ token('sa', 'https://api.example.com/') }}", withSource))
                .isEqualTo("sa|https://api.example.com/");
    }

    @Test
    void tokenWithoutATokenSourceIsATemplateError() {
        assertThatThrownBy(() -> Templates.render("{{ token('sa') }}", ctx)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("token(...) is available only where a worker renders a tool");
    }

    @Test
    void stepResultsAnswerDataResultAndContextWithThemselvesAsNoetlDoes() {
        Map<String, Object> c = Map.of(
                "fetch", Map.of("status", 200, "body", Map.of("items", List.of(1, 2))),
                "wrapped", Map.of("data", Map.of("x", 1)),
                "loop_step", List.of(Map.of("n", 1), Map.of("n", 2)),
                "workload", Map.of("name", "w"));
        assertThat(Templates.render("{{ fetch.data.status }}", c)).isEqualTo(200);
        assertThat(Templates.render("{{ fetch.result.body.items }}", c)).isEqualTo(List.of(1, 2));
        assertThat(Templates.render("{{ fetch.data.body.data.items | length }}", c)).isEqualTo(2);
        assertThat(Templates.render("{{ wrapped.data.x }}", c)).isEqualTo(1);
        assertThat(Templates.render("{{ fetch.data }}", c)).isEqualTo(c.get("fetch"));
        assertThat(Templates.render("{{ loop_step.results | length }}", c)).isEqualTo(2);
        assertThat(Templates.render("{{ loop_step.result[1].n }}", c)).isEqualTo(2);
        assertThat(Templates.render("{{ loop_step }}", c)).isEqualTo(c.get("loop_step"));
        assertThatThrownBy(() -> Templates.render("{{ workload.data.name }}", c))
                .isInstanceOf(TemplateException.class);
    }

    @Test
    void filtersNoetlPlaybooksUseRender() {
        Map<String, Object> c = Map.of("workload", Map.of("n", "7", "s", "A-b", "m", Map.of("k", 1)));
        assertThat(Templates.render("{{ (workload.n | int) + 1 }}", c)).isEqualTo(8L);
        assertThat(Templates.render("{{ workload.missing | default('x') }}", c)).isEqualTo("x");
        assertThat(Templates.render("{{ workload.s | lower | replace('-', '_') }}", c)).isEqualTo("a_b");
        assertThat(Templates.render("{{ workload.m | tojson }}", c)).isEqualTo("{\"k\":1}");
        assertThat(Templates.render("{{ workload.n | string }}", c)).isEqualTo("7");
    }

    @Test
    void aStrayClosingBraceOutsideAnExpressionIsText() {
        assertThat(Templates.syntaxError("{\"a\": {\"b\": \"{{ workload.name }}\"}}}")).isEmpty();
        assertThat(Templates.render("{\"a\": \"{{ workload.name }}\"}}", ctx)).isEqualTo("{\"a\": \"daily\"}}");
        assertThat(Templates.syntaxError("{{ workload.name }")).isPresent();
    }

    @Test
    void stringsHavePythonsMethodsAndListsJinjasMaxAndMin() {
        Map<String, Object> c = Map.of("workload", Map.of("s", " Ab-cd ", "csv", "a,b,c", "l", List.of(3, 9, 2)));
        assertThat(Templates.render("{{ workload.s.strip().upper() }}", c)).isEqualTo("AB-CD");
        assertThat(Templates.render("{{ workload.csv.split(',') | length }}", c)).isEqualTo(3);
        assertThat(Templates.test("{{ workload.s.strip().startswith('Ab') }}", c)).isTrue();
        assertThat(Templates.render("{{ workload.s.replace('-', '_') }}", c)).isEqualTo(" Ab_cd ");
        assertThat(Templates.render("{{ workload.l | max }}", c)).isEqualTo(9);
        assertThat(Templates.render("{{ workload.l | min }}", c)).isEqualTo(2);
    }
}

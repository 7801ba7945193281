package io.noetl.insights.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.template.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class StepPatchTest {

    @Test
    @SuppressWarnings("unchecked")
    void aRetryPatchIsYamlOfTheStepWithARuleOnTheErrorClass() {
        String patch = StepPatch.retry("fetch", List.of("dependency_5xx", "rate_limited"), 4, true, 1);
        Map<String, Object> step = new Yaml().load(patch);
        assertThat(step.get("step")).isEqualTo("fetch");
        Map<String, Object> rule = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                step.get("spec")).get("policy")).get("rules")).getFirst();
        assertThat(rule.get("when")).isEqualTo("{{ outcome.error.class in ['dependency_5xx', 'rate_limited'] }}");
        assertThat((Map<String, Object>) rule.get("then")).containsEntry("do", "retry").containsEntry("attempts", 4)
                .containsEntry("backoff", "exponential").containsEntry("delay", 1);
    }

    @Test
    void theRulesWhenRendersTrueExactlyForItsClasses() {
        String when = "{{ outcome.error.class in ['dependency_5xx', 'rate_limited'] }}";
        assertThat(render(when, "rate_limited")).isEqualTo("true");
        assertThat(render(when, "not_found")).isEqualTo("false");
        assertThat(render("{{ outcome.error.class == 'auth' }}", "auth")).isEqualTo("true");
    }

    @Test
    void failFastAndTimeoutPatchesParse() {
        Map<String, Object> fail = new Yaml().load(StepPatch.failFast("load", List.of("auth")));
        assertThat(fail).containsEntry("step", "load");
        assertThat(StepPatch.timeout("load", 90)).contains("timeout: 90s");
        assertThat(StepPatch.timeout("load", 300)).contains("timeout: 5m");
        Map<String, Object> loop = new Yaml().load(StepPatch.maxInFlight("regions", 4));
        assertThat(loop.toString()).contains("max_in_flight=4");
    }

    private static String render(String template, String errorClass) {
        return String.valueOf(Templates.render(template, Map.of("outcome", Map.of("error",
                Map.of("class", errorClass))))).strip();
    }
}

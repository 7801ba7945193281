package io.noetl.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.playbook.Arc;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.PlaybookParser;
import io.noetl.schemas.template.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The examples follow DESIGN.md's DSL: header, unique steps, arcs to existing steps, templates that parse. */
class ExamplesTest {

    static Stream<String> files() {
        return Examples.FILES.stream();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Examples.packaged(file));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> doc) {
        return (List<Map<String, Object>>) doc.get("workflow");
    }

    private static Map<String, Object> step(Map<String, Object> doc, String name) {
        return steps(doc).stream().filter(s -> name.equals(s.get("step"))).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("files")
    @DisplayName("every example has the v2 header and its catalog path is examples/<file name>")
    void hasHeaderAndPath(String file) {
        Map<String, Object> doc = load(file);
        assertThat(doc.get("apiVersion")).isEqualTo("noetl.io/v2");
        assertThat(doc.get("kind")).isEqualTo("Playbook");
        assertThat(Examples.pathOf(Examples.packaged(file), file))
                .isEqualTo("examples/" + file.replace(".yaml", ""));
    }

    @ParameterizedTest
    @MethodSource("files")
    @DisplayName("every example is accepted by the playbook parser the catalog uses")
    void parsesWithTheCatalogParser(String file) {
        Playbook playbook = PlaybookParser.parse(Examples.packaged(file));
        assertThat(playbook.path()).isEqualTo("examples/" + file.replace(".yaml", ""));
        assertThat(playbook.entry().name()).isEqualTo("start");
    }

    @Test
    @DisplayName("the quality gate routes low quality to the approval and everything else to the load")
    void qualityGateArcs() {
        Playbook playbook = PlaybookParser.parse(Examples.packaged("data_quality_gate.yaml"));
        List<Arc> arcs = playbook.step("validate_data_quality").orElseThrow().next().arcs();
        assertThat(arcs).extracting(Arc::step).containsExactly("await_human_approval", "load_to_warehouse");
        assertThat(arcs.get(0).when()).isEqualTo("{{ validate_data_quality.quality_score < 0.9 }}");
        assertThat(arcs.get(0).args()).containsEntry("issue", "Data quality below threshold");
        assertThat(arcs.get(1).when()).isNull();
        assertThat(playbook.step("await_human_approval").orElseThrow().spec().waitDecision()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("files")
    @DisplayName("step names are unique and every arc, in any of the three spellings, targets an existing step")
    void arcsTargetExistingSteps(String file) {
        Map<String, Object> doc = load(file);
        Set<String> names = new HashSet<>();
        steps(doc).forEach(s -> assertThat(names.add((String) s.get("step"))).as("duplicate %s", s.get("step")).isTrue());
        for (Map<String, Object> step : steps(doc)) {
            for (String target : targets(step.get("next"))) {
                assertThat(names).as("arc of %s in %s", step.get("step"), file).contains(target);
            }
        }
        assertThat(names).contains("start");
    }

    @ParameterizedTest
    @MethodSource("files")
    @DisplayName("every template in an example parses")
    void templatesParse(String file) {
        List<String> strings = new ArrayList<>();
        collectStrings(load(file), strings);
        for (String s : strings) {
            assertThat(Templates.syntaxError(s)).as("template %s in %s", s, file).isEmpty();
        }
    }

    @Test
    @DisplayName("the packaged examples are the ones in the examples folder")
    void packagedCopiesMatchTheFolder() throws IOException {
        for (String file : Examples.FILES) {
            assertThat(Examples.packaged(file)).isEqualTo(Files.readString(Path.of("..", "examples", file)));
        }
    }

    @Test
    @DisplayName("the quality gate waits for a decision after notifying the approval service with the callback URL")
    @SuppressWarnings("unchecked")
    void qualityGateWaitsForDecision() {
        for (String file : List.of("data_quality_gate.yaml", "data_quality_gate_postgres.yaml")) {
            Map<String, Object> approval = step(load(file), "await_human_approval");
            Map<String, Object> spec = (Map<String, Object>) approval.get("spec");
            assertThat(spec).containsEntry("wait", "decision").containsEntry("wait_timeout", "24h");
            Map<String, Object> tool = (Map<String, Object>) approval.get("tool");
            assertThat(tool).containsEntry("kind", "http").containsEntry("method", "POST");
            assertThat(tool.get("body").toString()).contains("{{ callback_url }}");
            Map<String, Object> record = (Map<String, Object>) step(load(file), "record_decision").get("tool");
            assertThat(((Map<String, Object>) record.get("data")).keySet())
                    .containsExactly("execution_id", "decision_maker", "action", "reasoning", "timestamp");
        }
    }

    @Test
    @DisplayName("the retry example retries 429 and 503 five times with exponential backoff from 200 ms")
    @SuppressWarnings("unchecked")
    void retryPolicy() {
        Map<String, Object> fetch = step(load("api_integration_retries.yaml"), "fetch_orders");
        Map<String, Object> policy = (Map<String, Object>) ((Map<String, Object>) fetch.get("spec")).get("policy");
        Map<String, Object> rule = ((List<Map<String, Object>>) policy.get("rules")).get(0);
        assertThat(rule.get("when")).isEqualTo("{{ outcome.http.status in [429, 503] }}");
        assertThat((Map<String, Object>) rule.get("then")).containsEntry("do", "retry").containsEntry("attempts", 5)
                .containsEntry("backoff", "exponential").containsEntry("delay", "200ms");
    }

    @SuppressWarnings("unchecked")
    static List<String> targets(Object next) {
        List<String> out = new ArrayList<>();
        if (next instanceof Map<?, ?> map) {
            targets(map.get("arcs")).forEach(out::add);
        } else if (next instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> arc = (Map<String, Object>) item;
                if (arc.containsKey("then")) {
                    out.addAll(targets(arc.get("then")));
                } else if (arc.containsKey("else")) {
                    out.addAll(targets(arc.get("else")));
                } else {
                    out.add((String) arc.get("step"));
                }
            }
        }
        return out;
    }

    private static void collectStrings(Object node, List<String> into) {
        if (node instanceof String s) {
            into.add(s);
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectStrings(v, into));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectStrings(v, into));
        }
    }
}

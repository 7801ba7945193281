package io.noetl.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class BenchFormatTest {

    @Test
    void lastLineHasTheFourFiguresInOrder() {
        BenchResult r = new BenchResult(1000, 10, 2345.6, 117, 11.7, 1.2341, 9.8, 1170, 0.4567, 1.1);
        assertThat(r.line()).isEqualTo(
                "steps_per_s=2346 issued_claimed_p50_ms=1.234 issued_claimed_p99_ms=9.800 raw_roundtrip_p50_ms=0.457");
        assertThat(r.line()).matches("steps_per_s=\\d+ issued_claimed_p50_ms=[\\d.]+ "
                + "issued_claimed_p99_ms=[\\d.]+ raw_roundtrip_p50_ms=[\\d.]+");
    }

    @Test
    @SuppressWarnings("unchecked")
    void playbookIsAChainOfNoopSteps() {
        Map<String, Object> doc = new Yaml().load(BenchPlaybook.yaml(10));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) doc.get("workflow");
        assertThat(steps).hasSize(10);
        assertThat(steps.get(0).get("step")).isEqualTo("start");
        assertThat(steps).allSatisfy(s -> assertThat(((Map<String, Object>) s.get("tool")).get("kind")).isEqualTo("noop"));
        assertThat(steps.get(9)).doesNotContainKey("next");
        assertThat(((Map<String, Object>) doc.get("metadata")).get("path")).isEqualTo(BenchPlaybook.path(10));
    }
}

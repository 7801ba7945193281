package io.noetl.topology.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StepKeyTest {

    @Test
    @DisplayName("a playbook path with slashes and a plain step give playbook/step, split at the last slash")
    void plainKeyIsPathSlashStep() {
        String key = StepKey.of("data/ingestion/daily_load", "extract");
        assertThat(key).isEqualTo("data/ingestion/daily_load/extract");
        assertThat(StepKey.parse(key)).isEqualTo(new StepKey("data/ingestion/daily_load", "extract"));
    }

    @Test
    @DisplayName("a step name holding / or % is escaped so the key still parses back to the same parts")
    void escapedStepRoundTrips() {
        for (String step : new String[] {"a/b", "100%", "%2F", "x%25/y"}) {
            String key = StepKey.of("p/q", step);
            assertThat(key.substring(key.lastIndexOf('/') + 1)).doesNotContain("/");
            assertThat(StepKey.parse(key)).isEqualTo(new StepKey("p/q", step));
        }
        assertThat(StepKey.parse(StepKey.of("", "s"))).isEqualTo(new StepKey("", "s"));
    }

    @Test
    @DisplayName("a key without a step part is refused with the key in the message")
    void refusesMalformedKeys() {
        assertThatThrownBy(() -> StepKey.parse("no-slash")).hasMessageContaining("no-slash");
        assertThatThrownBy(() -> StepKey.parse("p/")).hasMessageContaining("p/");
        assertThatThrownBy(() -> StepKey.of("p", "")).hasMessageContaining("step");
    }
}

package io.noetl.topology.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlarmShaperTest {

    @Test
    void damsTheRunAfterAnAlarmButLetsMuchStrongerEvidenceThrough() {
        AlarmShaper shaper = new AlarmShaper(0.5, 10, 0.5);
        assertThat(shaper.shape(0.4)).isEqualTo(0.2);
        assertThat(shaper.shape(0.6)).isEqualTo(0.6);
        assertThat(shaper.shape(0.7)).as("same event, not much stronger").isEqualTo(0.35);
        assertThat(shaper.shape(0.95)).as("escalation beats the last alarm by more than the margin").isEqualTo(0.95);
    }

    @Test
    void alarmsAgainOnceTheSuppressionPeriodIsOver() {
        AlarmShaper shaper = new AlarmShaper(0.5, 3, 0.5);
        assertThat(shaper.shape(0.6)).isEqualTo(0.6);
        for (int i = 0; i < 3; i++) {
            assertThat(shaper.shape(0.6)).isEqualTo(0.3);
        }
        assertThat(shaper.shape(0.6)).isEqualTo(0.6);
    }
}

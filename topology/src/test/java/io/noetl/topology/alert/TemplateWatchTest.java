package io.noetl.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.topology.codec.Wire;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateWatchTest {

    @Test
    @DisplayName("a template new to a step with an established history is reported once; repeats are not")
    void newTemplateOnce() {
        TemplateWatch w = new TemplateWatch(TemplateWatch.Settings.DEFAULT);
        for (int i = 0; i < 100; i++) {
            w.success();
        }
        double score = w.failure("t1");
        assertThat(score).isGreaterThan(0.98);
        assertThat(w.firstFailureEver()).isTrue();
        assertThat(w.failure("t1")).isNegative();
        assertThat(w.failure("t2")).isPositive();
        assertThat(w.firstFailureEver()).isFalse();
        assertThat(w.failure(null)).isNegative();
    }

    @Test
    @DisplayName("templates seen while the history is short are remembered but not reported, then or later")
    void noReportWithoutHistory() {
        TemplateWatch w = new TemplateWatch(TemplateWatch.Settings.DEFAULT);
        assertThat(w.failure("t1")).isNegative();
        for (int i = 0; i < 100; i++) {
            w.success();
        }
        assertThat(w.failure("t1")).isNegative();
    }

    @Test
    @DisplayName("memory per step is bounded: the oldest template is forgotten first; state survives its byte form")
    void boundedAndRoundTrip() {
        TemplateWatch w = new TemplateWatch(new TemplateWatch.Settings(1, 3));
        w.success();
        for (String t : new String[] {"a", "b", "c", "d"}) {
            assertThat(w.failure(t)).isPositive();
        }
        Wire.Out out = new Wire.Out(64);
        w.writeTo(out);
        TemplateWatch copy = new TemplateWatch(new TemplateWatch.Settings(1, 3));
        copy.readFrom(new Wire.In(out.toBytes()));
        assertThat(copy.failure("d")).isNegative();
        assertThat(copy.failure("a")).as("forgotten").isPositive();
    }
}

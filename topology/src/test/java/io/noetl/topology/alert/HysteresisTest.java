package io.noetl.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.topology.codec.Wire;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HysteresisTest {

    // threshold 0.99, clear 0.5, quiet 60 s and 3 observations, cooldown 5 min
    private static final Hysteresis.Policy P = new Hysteresis.Policy(0.99, 0.5, 60_000, 3, 300_000);

    @Test
    @DisplayName("a run of high scores opens one incident and asks for exactly one alert")
    void oneAlertPerIncident() {
        Hysteresis h = new Hysteresis();
        assertThat(h.update(P, 0, 0.2)).isFalse();
        assertThat(h.update(P, 1_000, 0.995)).isTrue();
        int more = 0;
        for (int i = 2; i < 100; i++) {
            more += h.update(P, i * 1_000L, i % 2 == 0 ? 1.0 : 0.7) ? 1 : 0;
        }
        assertThat(more).isZero();
        assertThat(h.isOpen()).isTrue();
    }

    @Test
    @DisplayName("an incident closes only after scores stay below the clear level for the quiet time; a blip restarts it")
    void closesAfterQuietPeriod() {
        Hysteresis h = new Hysteresis();
        h.update(P, 0, 1.0);
        h.update(P, 10_000, 0.1);
        h.update(P, 40_000, 0.1);
        h.update(P, 65_000, 0.6); // above clear: the quiet run restarts
        h.update(P, 70_000, 0.1);
        h.update(P, 100_000, 0.1);
        assertThat(h.update(P, 125_000, 0.1)).isFalse();
        assertThat(h.isOpen()).as("only 55 s quiet").isTrue();
        h.update(P, 131_000, 0.1);
        assertThat(h.isOpen()).isFalse();
    }

    @Test
    @DisplayName("after closing, a new incident alerts again only once the cooldown since the last alert has passed")
    void cooldownBeforeReopening() {
        Hysteresis h = new Hysteresis();
        h.update(P, 0, 1.0);
        for (int i = 1; i <= 5; i++) {
            h.update(P, i * 30_000L, 0.0);
        }
        assertThat(h.isOpen()).isFalse();
        assertThat(h.update(P, 200_000, 1.0)).as("within the cooldown").isFalse();
        assertThat(h.update(P, 300_000, 1.0)).isTrue();
    }

    @Test
    @DisplayName("its state survives its byte form, and a policy with clear >= threshold is refused")
    void roundTripAndValidation() {
        Hysteresis h = new Hysteresis();
        h.update(P, 0, 1.0);
        Wire.Out out = new Wire.Out(16);
        h.writeTo(out);
        Hysteresis back = new Hysteresis();
        back.readFrom(new Wire.In(out.toBytes()));
        assertThat(back.isOpen()).isTrue();
        assertThat(back.update(P, 1_000, 1.0)).isFalse();
        assertThatThrownBy(() -> new Hysteresis.Policy(0.5, 0.5, 0, 1, 0)).hasMessageContaining("clear < threshold");
    }
}

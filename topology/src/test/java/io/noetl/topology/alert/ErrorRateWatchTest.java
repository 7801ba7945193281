package io.noetl.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.topology.codec.Wire;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErrorRateWatchTest {

    private static ErrorRateWatch watch() {
        return new ErrorRateWatch(ErrorRateWatch.Settings.DEFAULT, 10);
    }

    private static double feed(ErrorRateWatch w, Random r, int from, int n, double rate, String template) {
        double max = 0;
        for (int i = from; i < from + n; i++) {
            boolean failed = r.nextDouble() < rate;
            max = Math.max(max, w.observe(failed, i * 1000L, "e" + i, failed ? template : null));
        }
        return max;
    }

    @Test
    @DisplayName("a steady 3% error rate never scores near the threshold")
    void steadyRateScoresLow() {
        ErrorRateWatch w = watch();
        assertThat(feed(w, new Random(1), 0, 20_000, 0.03, "t")).isLessThan(0.9);
    }

    @Test
    @DisplayName("a jump from 2% to 40% scores at or above 0.99 within a few dozen attempts; evidence names the failures")
    void spikeScoresHigh() {
        ErrorRateWatch w = watch();
        Random r = new Random(2);
        feed(w, r, 0, 1000, 0.02, "old");
        int at = -1;
        for (int i = 0; i < 60 && at < 0; i++) {
            boolean failed = i % 5 < 2;
            if (w.observe(failed, (1000 + i) * 1000L, "bad" + i, failed ? "tpl-new" : null) >= 0.99) {
                at = i;
            }
        }
        assertThat(at).isBetween(5, 40);
        assertThat(w.dominantTemplate()).isEqualTo("tpl-new");
        assertThat(w.failing().executionIds()).isNotEmpty().allMatch(id -> id.startsWith("bad"));
        assertThat(w.observed()).isGreaterThan(0.1);
        assertThat(w.expected()).isLessThan(0.05);
    }

    @Test
    @DisplayName("without enough history there is no score, however many failures")
    void needsHistory() {
        ErrorRateWatch w = watch();
        assertThat(feed(w, new Random(3), 0, 150, 1.0, "t")).isZero();
    }

    @Test
    @DisplayName("its state survives its byte form")
    void roundTrip() {
        ErrorRateWatch w = watch();
        Random r = new Random(4);
        feed(w, r, 0, 500, 0.05, "a");
        Wire.Out out = new Wire.Out(64);
        w.writeTo(out);
        ErrorRateWatch copy = watch();
        copy.readFrom(new Wire.In(out.toBytes()));
        for (int i = 0; i < 100; i++) {
            boolean failed = i % 3 == 0;
            assertThat(copy.observe(failed, i, "x", "b")).isEqualTo(w.observe(failed, i, "x", "b"));
        }
        assertThat(copy.dominantTemplate()).isEqualTo(w.dominantTemplate());
    }
}

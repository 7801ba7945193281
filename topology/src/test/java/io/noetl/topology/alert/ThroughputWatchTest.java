package io.noetl.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.topology.codec.Wire;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThroughputWatchTest {

    private static double interval(ThroughputWatch w, int attempts) {
        for (int i = 0; i < attempts; i++) {
            w.count();
        }
        return w.closeInterval();
    }

    @Test
    @DisplayName("a steady Poisson-like rate is learned and its own noise never scores")
    void steadyRate() {
        ThroughputWatch w = new ThroughputWatch(ThroughputWatch.Settings.DEFAULT);
        Random r = new Random(1);
        double max = 0;
        for (int i = 0; i < 500; i++) {
            max = Math.max(max, interval(w, (int) Math.round(40 + r.nextGaussian() * Math.sqrt(40))));
        }
        assertThat(w.established()).isTrue();
        assertThat(max).isLessThan(0.5);
    }

    @Test
    @DisplayName("a drop to zero, or far below the learned rate, scores high once the rate is established")
    void dropScores() {
        ThroughputWatch w = new ThroughputWatch(ThroughputWatch.Settings.DEFAULT);
        for (int i = 0; i < 12; i++) {
            interval(w, 30);
        }
        assertThat(interval(w, 0)).isGreaterThanOrEqualTo(0.99);
        assertThat(w.expected()).isEqualTo(30.0);
        assertThat(w.observed()).isZero();
        ThroughputWatch v = new ThroughputWatch(ThroughputWatch.Settings.DEFAULT);
        for (int i = 0; i < 12; i++) {
            interval(v, 100);
        }
        assertThat(interval(v, 30)).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    @DisplayName("a sparse or bursty step has no established rate and is never scored, even at zero")
    void sparseOrBurstyIsIgnored() {
        ThroughputWatch sparse = new ThroughputWatch(ThroughputWatch.Settings.DEFAULT);
        ThroughputWatch bursty = new ThroughputWatch(ThroughputWatch.Settings.DEFAULT);
        for (int i = 0; i < 30; i++) {
            interval(sparse, 2);
            interval(bursty, i % 4 == 0 ? 200 : 0);
        }
        assertThat(sparse.established()).isFalse();
        assertThat(bursty.established()).isFalse();
        assertThat(interval(sparse, 0)).isZero();
        assertThat(interval(bursty, 0)).isZero();
    }

    @Test
    @DisplayName("its state survives its byte form")
    void roundTrip() {
        ThroughputWatch w = new ThroughputWatch(ThroughputWatch.Settings.DEFAULT);
        for (int i = 0; i < 15; i++) {
            interval(w, 25 + i % 3);
        }
        w.count();
        Wire.Out out = new Wire.Out(64);
        w.writeTo(out);
        ThroughputWatch copy = new ThroughputWatch(ThroughputWatch.Settings.DEFAULT);
        copy.readFrom(new Wire.In(out.toBytes()));
        assertThat(copy.closeInterval()).isEqualTo(w.closeInterval());
        assertThat(copy.expected()).isEqualTo(w.expected());
    }
}

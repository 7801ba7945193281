package io.noetl.sink.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutageTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void theFirstAttemptIsDueAfterTheMinimumBackoff() {
        Outage outage = new Outage(Duration.ofMillis(100), Duration.ofSeconds(5));
        assertThat(outage.attemptDue(0)).isFalse();
        outage.begin(0);
        assertThat(outage.active()).isTrue();
        assertThat(outage.attemptDue(99 * MS)).isFalse();
        assertThat(outage.nanosToNextAttempt(40 * MS)).isEqualTo(60 * MS);
        assertThat(outage.attemptDue(100 * MS)).isTrue();
        assertThat(outage.retries()).isEqualTo(1);
        assertThat(outage.nanosToNextAttempt(200 * MS)).isZero();
    }

    @Test
    void theBackoffDoublesAfterEachRefusalUpToTheMaximum() {
        Outage outage = new Outage(Duration.ofMillis(100), Duration.ofMillis(500));
        outage.begin(0);
        long[] seen = new long[4];
        for (int i = 0; i < seen.length; i++) {
            outage.refused(0);
            seen[i] = outage.backoffMs();
        }
        assertThat(seen).containsExactly(200, 400, 500, 500);
        assertThat(outage.attemptDue(499 * MS)).isFalse();
        assertThat(outage.attemptDue(500 * MS)).isTrue();
    }

    @Test
    void aNewOutageStartsFromTheMinimumWithNoRetries() {
        Outage outage = new Outage(Duration.ofMillis(100), Duration.ofSeconds(5));
        outage.begin(0);
        outage.attemptDue(100 * MS);
        outage.refused(100 * MS);
        outage.end();
        assertThat(outage.active()).isFalse();
        assertThat(outage.attemptDue(10_000 * MS)).isFalse();

        outage.begin(1_000 * MS);
        assertThat(outage.backoffMs()).isEqualTo(100);
        assertThat(outage.retries()).isZero();
        assertThat(outage.elapsedMs(1_250 * MS)).isEqualTo(250);
    }
}

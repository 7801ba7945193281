package io.noetl.insights.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.stores.analytics.DurationPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendsTest {

    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");

    private static List<DurationPoint> daily(int days, long base, long growthPerDay) {
        List<DurationPoint> points = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < 20; i++) {
                long ms = base + growthPerDay * d + (i % 5) * 10;
                points.add(new DurationPoint(START.plus(Duration.ofDays(d)).plusSeconds(i * 600), "e" + d + i, 1, ms,
                        "COMPLETED"));
            }
        }
        return points;
    }

    @Test
    void aGrowingP95IsSeenAndItsCrossingOfTheLimitForecast() {
        Instant now = START.plus(Duration.ofDays(10));
        PlaybookReport.Trend t = Trends.of(daily(10, 1_000, 100), 5_000, now);
        assertThat(t).isNotNull();
        assertThat(t.growing()).isTrue();
        assertThat(t.p95SlopeMsPerDay()).isBetween(90.0, 110.0);
        // p95 ≈ 1040 + 100 a day from the first day: ~2040 ms now, the 5000 ms limit ~30 days later
        assertThat(t.crossesTimeoutAt()).isBetween(now.plus(Duration.ofDays(26)), now.plus(Duration.ofDays(34)));
    }

    @Test
    void aFlatStepDoesNotGrow() {
        PlaybookReport.Trend t = Trends.of(daily(10, 1_000, 0), 5_000, START.plus(Duration.ofDays(10)));
        assertThat(t.growing()).isFalse();
        assertThat(t.crossesTimeoutAt()).isNull();
    }

    @Test
    void tooFewPointsGiveNoTrend() {
        assertThat(Trends.of(daily(1, 1_000, 0).subList(0, 5), 5_000, START)).isNull();
    }
}

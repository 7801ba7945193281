package io.noetl.insights.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryTimeTest {

    private static final Instant NOW = Instant.parse("2026-12-06T15:30:00Z");

    @Test
    void lastWeekBecomesARangeAndLeavesTheText() {
        QueryTime t = QueryTime.parse("payment API timeouts last week", NOW);
        assertThat(t.text()).isEqualTo("payment API timeouts");
        assertThat(t.from()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(t.to()).isNull();
    }

    @Test
    void aNumberOfUnitsIsRead() {
        QueryTime t = QueryTime.parse("errors in the past 3 hours on load_orders", NOW);
        assertThat(t.from()).isEqualTo(NOW.minus(Duration.ofHours(3)));
        assertThat(t.text()).isEqualTo("errors on load_orders");
    }

    @Test
    void yesterdayIsTheWholeUtcDayBefore() {
        QueryTime t = QueryTime.parse("Yesterday's warehouse failures", NOW);
        assertThat(t.from()).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(t.to()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
    }

    @Test
    void sinceADate() {
        QueryTime t = QueryTime.parse("auth errors since 2026-11-01", NOW);
        assertThat(t.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(t.text()).isEqualTo("auth errors");
    }

    @Test
    void noTimeLeavesTheQueryAsItIs() {
        QueryTime t = QueryTime.parse("connection refused to db", NOW);
        assertThat(t.from()).isNull();
        assertThat(t.to()).isNull();
        assertThat(t.text()).isEqualTo("connection refused to db");
        assertThat(QueryTime.parse("last week", NOW).text()).as("nothing but a time keeps its words").isEqualTo(
                "last week");
    }
}

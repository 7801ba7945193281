package io.noetl.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TtlCacheTest {

    private static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-12-06T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anAnswerIsReusedUntilItExpires() {
        Ticking clock = new Ticking();
        TtlCache<String, Integer> cache = new TtlCache<>(Duration.ofSeconds(30), 10, clock);
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get("a", k -> loads.incrementAndGet())).isEqualTo(1);
        clock.now = clock.now.plusSeconds(29);
        assertThat(cache.get("a", k -> loads.incrementAndGet())).isEqualTo(1);
        clock.now = clock.now.plusSeconds(2);
        assertThat(cache.get("a", k -> loads.incrementAndGet())).isEqualTo(2);
    }

    @Test
    void anAnswerNotWorthKeepingIsAskedForAgain() {
        TtlCache<String, Optional<String>> cache = new TtlCache<>(Duration.ofSeconds(30), 10, new Ticking());
        AtomicInteger loads = new AtomicInteger();
        cache.get("t", k -> {
            loads.incrementAndGet();
            return Optional.empty();
        }, Optional::isPresent);
        cache.get("t", k -> {
            loads.incrementAndGet();
            return Optional.of("seen");
        }, Optional::isPresent);
        assertThat(cache.get("t", k -> Optional.of("other"), Optional::isPresent)).contains("seen");
        assertThat(loads).hasValue(2);
    }

    @Test
    void zeroTimeToLiveAsksEveryTimeAndAFullCacheStartsOver() {
        AtomicInteger loads = new AtomicInteger();
        TtlCache<String, Integer> off = new TtlCache<>(Duration.ZERO, 10, new Ticking());
        off.get("a", k -> loads.incrementAndGet());
        off.get("a", k -> loads.incrementAndGet());
        assertThat(loads).hasValue(2);
        TtlCache<Integer, Integer> small = new TtlCache<>(Duration.ofMinutes(1), 2, new Ticking());
        small.get(1, k -> 1);
        small.get(2, k -> 2);
        small.get(3, k -> 3);
        assertThat(small.get(1, k -> 10)).as("the full cache started over").isEqualTo(10);
    }
}

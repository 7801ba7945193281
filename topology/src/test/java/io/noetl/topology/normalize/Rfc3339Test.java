package io.noetl.topology.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

    private static final String[] SAMPLES = {
        "2025-03-01T12:00:00Z", "2025-03-01T12:00:00.1Z", "2025-03-01T12:00:00.123Z", "2025-03-01T12:00:00.123456789Z",
        "2025-03-01t12:00:00z", "2025-03-01T12:00:00+02:00", "2025-03-01T12:00:00.5-05:30", "2024-02-29T23:59:59Z",
        "2025-03-01T12:00:00+18:00", "0000-01-01T00:00:00Z", "2025-03-01T12:00Z", "2025-03-01T12:00:00+01:00:30",
        // invalid
        "2025-02-29T12:00:00Z", "2025-13-01T12:00:00Z", "2025-03-01T24:00:00Z", "2025-03-01T12:60:00Z",
        "2025-03-01T12:00:60Z", "2025-03-01T12:00:00.Z", "2025-03-01T12:00:00.1234567890Z", "2025-03-01T12:00:00",
        "2025-03-01 12:00:00Z", "2025-03-01T12:00:00+19:00", "2025-03-01T12:00:00+0100", "2025-3-01T12:00:00Z",
        "20250301T120000Z", "2025-03-01T12:00:00ZZ", "2025-03-01T12:00:00+01:00 ", "２025-03-01T12:00:00Z",
        "2025-03-01T12:00:00.12a4Z", "",
    };

    @Test
    @DisplayName("every sample parses to the ISO formatter's instant or is rejected as the formatter rejects it")
    void agreesWithTheFormatter() {
        for (String s : SAMPLES) {
            Instant expected = reference(s);
            if (expected == null) {
                assertThat(Rfc3339.fast(s)).as(s).isNull();
                assertThatThrownBy(() -> Rfc3339.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
            } else {
                assertThat(Rfc3339.parse(s)).as(s).isEqualTo(expected);
            }
        }
    }

    @Test
    @DisplayName("the fast path covers the usual shape and agrees on random instants and offsets")
    void fastPathOnRandomInstants() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 5_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(-2_000_000_000L, 4_000_000_000L), r.nextInt(1_000_000_000));
            int offsetMinutes = r.nextInt(-18 * 60, 18 * 60 + 1);
            String s = t.atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60))
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertThat(Rfc3339.fast(s)).as(s).isNotNull().isEqualTo(reference(s));
        }
    }

    private static Instant reference(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

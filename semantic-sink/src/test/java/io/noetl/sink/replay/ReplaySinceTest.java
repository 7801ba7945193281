package io.noetl.sink.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplaySinceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    @DisplayName("durations count back from now; ISO-8601 instants are taken as they are")
    void parsesDurationsAndInstants() {
        assertThat(ReplaySince.parse("--since", "2h", NOW)).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(ReplaySince.parse("--since", "30m", NOW)).isEqualTo(Instant.parse("2026-11-24T11:30:00Z"));
        assertThat(ReplaySince.parse("--since", "7d", NOW)).isEqualTo(Instant.parse("2026-11-17T12:00:00Z"));
        assertThat(ReplaySince.parse("--since", "2026-11-24T08:15:00Z", NOW))
                .isEqualTo(Instant.parse("2026-11-24T08:15:00Z"));
    }

    @Test
    @DisplayName("a bad value names the option and the accepted forms")
    void rejectsBadValues() {
        assertThatThrownBy(() -> ReplaySince.parse("--since", "yesterday", NOW))
                .hasMessageContaining("--since 'yesterday'").hasMessageContaining("ISO-8601")
                .hasMessageContaining("2h");
        assertThatThrownBy(() -> ReplaySince.parse("since", "2w", NOW)).hasMessageStartingWith("since '2w'");
        assertThatThrownBy(() -> ReplaySince.parse("--since", " ", NOW)).hasMessageContaining("--since is empty");
        assertThatThrownBy(() -> ReplaySince.parse("--since", "2027-01-01T00:00:00Z", NOW))
                .hasMessageContaining("in the future");
    }
}

package io.noetl.topology.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveTracesTest {

    @Test
    @DisplayName("beyond its capacity the least recently used execution is dropped")
    void evictsLeastRecentlyUsed() {
        LiveTraces live = new LiveTraces(2);
        live.put("a", new TraceState());
        live.put("b", new TraceState());
        assertThat(live.get("a")).isNotNull(); // a is now the most recent
        live.put("c", new TraceState());
        assertThat(live.size()).isEqualTo(2);
        assertThat(live.get("b")).isNull();
        assertThat(live.get("a")).isNotNull();
        assertThat(live.get("c")).isNotNull();
    }

    @Test
    @DisplayName("a new entry has no activity mark yet")
    void newEntryUnmarked() {
        assertThat(new LiveTraces(1).put("a", new TraceState()).markedAt).isNegative();
    }

    @Test
    @DisplayName("a capacity below one is refused")
    void rejectsZeroCapacity() {
        assertThatThrownBy(() -> new LiveTraces(0)).hasMessageContaining("capacity");
    }

    @Test
    @DisplayName("activity marks are rewritten at most every twentieth of the stuck limit, at most every second")
    void markResolution() {
        assertThat(TraceProcessor.markResolution(java.time.Duration.ofMinutes(10))).isEqualTo(1000);
        assertThat(TraceProcessor.markResolution(java.time.Duration.ofSeconds(2))).isEqualTo(100);
    }
}

package io.noetl.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BridgeBenchResultTest {

    @Test
    void lastLineHasMediansAndTheirRatio() {
        BridgeBenchResult r = new BridgeBenchResult(1000, 600, 500, 50_000, List.of(100.0, 300.0, 200.0),
                List.of(150.0, 90.0, 160.0));
        assertThat(r.rawMedian()).isEqualTo(200.0);
        assertThat(r.bridgeMedian()).isEqualTo(150.0);
        assertThat(r.line()).isEqualTo("bridge_eps=150 raw_eps=200 bridge_ratio=0.75");
        assertThat(r.human()).contains("[100, 300, 200]").contains("0.75");
    }

    @Test
    void eventsAreRealisticallySizedAndSpreadOverExecutions() {
        List<BenchEvents.BenchEvent> events = BenchEvents.generate(2_000);
        assertThat(BenchEvents.meanBytes(events)).isBetween(450, 900);
        assertThat(events.stream().map(BenchEvents.BenchEvent::executionId).distinct().count()).isEqualTo(100);
        assertThat(events.stream().map(BenchEvents.BenchEvent::eventId).distinct().count()).isEqualTo(2_000);
    }
}

package io.noetl.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.schemas.Names;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireLayoutTest {

    private final Names names = new Names("p_");

    @Test
    void commandsAreAWorkQueueAndEventsAreKept() {
        StreamSpec commands = WireLayout.commands(names);
        assertThat(commands.name()).isEqualTo("p_NOETL_COMMANDS");
        assertThat(commands.subjects()).containsExactly("p_noetl.commands.>");
        assertThat(commands.workQueue()).isTrue();
        StreamSpec events = WireLayout.events(names);
        assertThat(events.workQueue()).isFalse();
        assertThat(events.maxAge()).isZero();
        assertThat(WireLayout.streams(names)).extracting(StreamSpec::duplicateWindow)
                .containsOnly(WireLayout.DUPLICATE_WINDOW);
    }

    @Test
    void alertsAreKeptSevenDaysWhoeverCreatesTheStream() {
        assertThat(WireLayout.alerts(names).maxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(WireLayout.alerts(names).subjects()).containsExactly("p_noetl.alerts.>");
    }

    @Test
    void topicsKeepEventsForeverUnlessARetentionIsGivenAndTracesAreCompacted() {
        List<TopicSpec> embedded = WireLayout.topics(names, null);
        assertThat(embedded).extracting(TopicSpec::name).containsExactly("p_noetl.events.raw", "p_noetl.events",
                "p_noetl.events.dlq", "p_noetl.traces", "p_noetl.metrics.step", "p_noetl.alerts", "p_noetl.sink.dlq");
        assertThat(embedded.get(0).configs()).containsEntry("retention.ms", "-1");
        assertThat(embedded.get(3).configs()).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
        assertThat(WireLayout.topics(names, Duration.ofDays(7)).get(1).configs())
                .containsEntry("retention.ms", String.valueOf(Duration.ofDays(7).toMillis()));
    }

    @Test
    void badSpecsAreRefused() {
        assertThatThrownBy(() -> new TopicSpec("t", 0L, false)).hasMessageContaining("retention.ms");
        assertThatThrownBy(() -> new StreamSpec("s", List.of(), false, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("subject");
    }
}

package io.noetl.sink.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SinkSettingsTest {

    @Test
    void defaultsAreBatchesOf2000RecordsOr500MsAndBackoffFrom100MsTo5s() {
        SinkSettings s = SinkSettings.defaults("k:9092");
        assertThat(s.batchSize()).isEqualTo(2000);
        assertThat(s.batchTime()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.minBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.clientId()).isEqualTo("noetl-sink");
    }

    @Test
    void badSettingsAreRejectedByName() {
        SinkSettings s = SinkSettings.defaults("k:9092");
        assertThatThrownBy(() -> SinkSettings.defaults(" ")).hasMessageContaining("bootstrap servers");
        assertThatThrownBy(() -> s.withBatch(0, Duration.ofMillis(1))).hasMessageContaining("batch size");
        assertThatThrownBy(() -> s.withBatch(1, Duration.ZERO)).hasMessageContaining("batch time");
        assertThatThrownBy(() -> s.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maximum backoff");
    }
}

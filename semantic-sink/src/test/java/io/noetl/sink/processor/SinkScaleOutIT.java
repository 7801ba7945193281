package io.noetl.sink.processor;

import static io.noetl.sink.index.StreamFixtures.error;
import static io.noetl.sink.index.StreamFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.noetl.schemas.stream.Kinds;
import io.noetl.sink.analytics.duckdb.DuckDbAnalyticsStore;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.index.AnalyticsIndex;
import io.noetl.sink.index.SinkIndex;
import io.noetl.sink.index.VectorIndex;
import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.stores.vector.Collections;
import io.noetl.testkit.KafkaTestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkScaleOutIT {

    private static final int EXECUTIONS = 30;
    private static final int EVENTS = 8;

    @TempDir
    Path dir;

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @DisplayName("a second sink joining the group and the first leaving mid-stream (two rebalances) lose nothing")
    void sinksJoiningAndLeavingTheGroupLoseNothing() throws Exception {
        try (SinkKafka kafka = new SinkKafka(KafkaTestBroker.shared().bootstrapServers());
                VectorIndex vectors = new VectorIndex(EmbeddedVectorStore.open(dir.resolve("v")),
                        Embeddings.defaults(), kafka.names);
                AnalyticsIndex analytics = new AnalyticsIndex(DuckDbAnalyticsStore.open(dir.resolve("a.duckdb")),
                        kafka.names)) {
            List<SinkIndex> indexes = List.of(vectors, analytics);
            SinkSettings settings = SinkSettings.defaults(kafka.bootstrap).withBatch(20, Duration.ofMillis(100));
            Thread producer = Thread.ofVirtual().start(() -> {
                for (int x = 0; x < EXECUTIONS; x++) {
                    String ex = "ex" + x;
                    for (int i = 0; i < EVENTS - 1; i++) {
                        kafka.send(kafka.names.eventsTopic(), ex, event(ex + "-" + i, ex, Kinds.TASK_END, "s" + i, 5));
                    }
                    kafka.send(kafka.names.eventsTopic(), ex, error(ex + "-err", ex, "load", "timeout " + x));
                    sleep(150); // keep producing across both rebalances
                }
            });
            SinkProcessor first = SinkProcessor.start(indexes, kafka.names, settings.withClientId("first"));
            await().atMost(Duration.ofSeconds(30)).until(() -> first.counters().batches() > 0);
            try (SinkProcessor second = SinkProcessor.start(indexes, kafka.names, settings.withClientId("second"))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> second.counters().batches() > 0
                        || kafka.committed(kafka.names.eventsTopic()) == EXECUTIONS * EVENTS);
                first.close();
                assertThat(producer.isAlive()).as("the first sink left while events were still arriving").isTrue();
                producer.join();
                await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(
                        kafka.committed(kafka.names.eventsTopic())).isEqualTo(EXECUTIONS * EVENTS));
                assertThat(first.counters().written() + second.counters().written())
                        .as("records written by both (a batch may be written twice around a rebalance)")
                        .isGreaterThanOrEqualTo(EXECUTIONS * EVENTS);
            }
            assertThat(analytics.counts(1).events()).isEqualTo(EXECUTIONS * EVENTS);
            assertThat(vectors.count(Collections.FAILURES, 1)).isEqualTo(EXECUTIONS);
            assertThat(kafka.deadLetters()).isEmpty();
        }
    }
}

package io.noetl.sink.processor;

import static io.noetl.sink.index.StreamFixtures.alert;
import static io.noetl.sink.index.StreamFixtures.error;
import static io.noetl.sink.index.StreamFixtures.event;
import static io.noetl.sink.index.StreamFixtures.metrics;
import static io.noetl.sink.index.StreamFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.noetl.schemas.stream.DeadLetter;
import io.noetl.schemas.stream.Kinds;
import io.noetl.sink.analytics.clickhouse.ClickHouseAnalyticsStore;
import io.noetl.sink.analytics.clickhouse.ClickHouseSettings;
import io.noetl.sink.analytics.duckdb.DuckDbAnalyticsStore;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.index.AnalyticsIndex;
import io.noetl.sink.index.SinkIndex;
import io.noetl.sink.index.StreamFixtures;
import io.noetl.sink.index.VectorIndex;
import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.sink.vector.qdrant.InProcessQdrantServer;
import io.noetl.sink.vector.qdrant.QdrantOptions;
import io.noetl.sink.vector.qdrant.QdrantVectorStore;
import io.noetl.stores.analytics.TableCounts;
import io.noetl.stores.vector.Collections;
import io.noetl.testkit.ClickHouseTestServer;
import io.noetl.testkit.KafkaTestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkProcessorIT {

    private static final int EXECUTIONS = 20;
    private static final int EVENTS_PER_EXECUTION = 10;

    @TempDir
    Path dir;
    private SinkKafka kafka;
    private VectorIndex vectors;
    private AnalyticsIndex analytics;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void setUp() {
        kafka = new SinkKafka(KafkaTestBroker.shared().bootstrapServers());
        vectors = new VectorIndex(EmbeddedVectorStore.open(dir.resolve("vectors")), Embeddings.defaults(),
                kafka.names);
        analytics = new AnalyticsIndex(DuckDbAnalyticsStore.open(dir.resolve("analytics.duckdb")), kafka.names);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        vectors.close();
        analytics.close();
        kafka.close();
    }

    private SinkProcessor start(List<SinkIndex> indexes) {
        SinkProcessor p = SinkProcessor.start(indexes, kafka.names, SinkSettings.defaults(kafka.bootstrap)
                .withBatch(50, Duration.ofMillis(200)).withClientId("sink-" + open.size()));
        open.add(p);
        return p;
    }

    /** Produces executions {@code from} (inclusive) to {@code to}: events (the last of each an error) and a trace. */
    private void produce(int from, int to) {
        for (int x = from; x < to; x++) {
            String ex = "ex" + x;
            for (int i = 0; i < EVENTS_PER_EXECUTION - 1; i++) {
                kafka.send(kafka.names.eventsTopic(), ex, event(ex + "-e" + i, ex, Kinds.TASK_END, "step" + i, 10 + i));
            }
            kafka.send(kafka.names.eventsTopic(), ex, error(ex + "-err", ex, "load", "connection refused to db" + x));
            kafka.send(kafka.names.tracesTopic(), ex, trace(ex, "FAILED", EVENTS_PER_EXECUTION, "extract", "load"));
        }
    }

    @Test
    @DisplayName("every produced record lands once; malformed records go to the sink DLQ with the index and reason; "
            + "offsets are committed to the end")
    void countsMatchWhatWasProduced() {
        produce(0, EXECUTIONS);
        for (int m = 0; m < 5; m++) {
            kafka.send(kafka.names.stepMetricsTopic(), "demo/etl/load",
                    metrics("load", StreamFixtures.T0.plusSeconds(60L * m)));
            kafka.send(kafka.names.alertsTopic(), "demo/etl/load", alert("al" + m));
        }
        kafka.send(kafka.names.eventsTopic(), "bad", "{\"event_id\": ");
        kafka.send(kafka.names.tracesTopic(), "bad", "not json at all");
        kafka.send(kafka.names.alertsTopic(), "bad", "{\"alert_id\": 7, \"observed\": \"lots\"}");

        SinkProcessor sink = start(List.of(vectors, analytics));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(vectors.count(Collections.FAILURES, 1)).isEqualTo(EXECUTIONS);
            assertThat(vectors.count(Collections.EXECUTIONS, 1)).isEqualTo(EXECUTIONS);
            assertThat(vectors.count(Collections.PLAYBOOKS, 1)).isEqualTo(1);
            assertThat(kafka.committed(kafka.names.eventsTopic())).isEqualTo(EXECUTIONS * EVENTS_PER_EXECUTION + 1);
            assertThat(kafka.committed(kafka.names.tracesTopic())).isEqualTo(EXECUTIONS + 1);
            assertThat(kafka.committed(kafka.names.alertsTopic())).isEqualTo(6);
        });
        assertThat(analytics.counts(1)).isEqualTo(new TableCounts(EXECUTIONS * EVENTS_PER_EXECUTION, EXECUTIONS, 5,
                5, 0));
        List<DeadLetter> dead = kafka.deadLetters();
        assertThat(dead).extracting(d -> d.reason().substring(0, d.reason().indexOf(':')) + " " + d.sourceTopic())
                .containsExactlyInAnyOrder("vectors " + kafka.names.eventsTopic(),
                        "analytics " + kafka.names.eventsTopic(), "vectors " + kafka.names.tracesTopic(),
                        "analytics " + kafka.names.tracesTopic(), "analytics " + kafka.names.alertsTopic());
        assertThat(dead).allSatisfy(d -> assertThat(d.reason()).contains("malformed"));
        assertThat(dead).anySatisfy(d -> assertThat(new String(d.originalBytes())).isEqualTo("not json at all"));
        assertThat(sink.counters().rejected()).as("dead letters").isEqualTo(5);
        assertThat(sink.counters().written()).as("records no index refused")
                .isEqualTo(EXECUTIONS * (EVENTS_PER_EXECUTION + 1) + 5 + 5);
        assertThat(sink.counters().paused()).isFalse();
    }

    @Test
    @DisplayName("a processor stopped mid-stream and started again leaves exact counts")
    void restartMidStreamKeepsCountsExact() {
        produce(0, EXECUTIONS / 2);
        SinkProcessor first = start(List.of(vectors, analytics));
        await().atMost(Duration.ofSeconds(30)).until(() -> first.counters().batches() > 0);
        produce(EXECUTIONS / 2, EXECUTIONS * 3 / 4);
        first.close();

        produce(EXECUTIONS * 3 / 4, EXECUTIONS);
        start(List.of(vectors, analytics));

        // offsets are committed after every index took the batch: once both topics are committed, both stores hold
        // everything (the last traces may come in a later batch than the last events)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(kafka.committed(kafka.names.eventsTopic())).isEqualTo(EXECUTIONS * EVENTS_PER_EXECUTION);
            assertThat(kafka.committed(kafka.names.tracesTopic())).isEqualTo(EXECUTIONS);
            assertThat(vectors.count(Collections.FAILURES, 1)).isEqualTo(EXECUTIONS);
            assertThat(vectors.count(Collections.EXECUTIONS, 1)).isEqualTo(EXECUTIONS);
        });
        assertThat(analytics.counts(1).events()).isEqualTo(EXECUTIONS * EVENTS_PER_EXECUTION);
        assertThat(analytics.counts(1).traces()).isEqualTo(EXECUTIONS);
        assertThat(kafka.deadLetters()).isEmpty();
    }

    @Test
    @DisplayName("while the vector store (Qdrant) is down for 10 s input is paused and nothing is committed; after it "
            + "is back nothing is lost and nothing doubled")
    void vectorStoreOutagePausesAndRecovers() throws Exception {
        try (InProcessQdrantServer qdrant = InProcessQdrantServer.startNew()) {
            VectorIndex remote = new VectorIndex(QdrantVectorStore.onChannel(qdrant.channel(),
                    QdrantOptions.fromUrl("localhost:6334", null).withTimeout(Duration.ofSeconds(2))),
                    Embeddings.defaults(), kafka.names);
            open.add(remote);
            outageThenRecovery(remote, analytics, qdrant::stop, qdrant::start);
        }
    }

    @Test
    @DisplayName("while the analytics store (ClickHouse) is down for 10 s input is paused and nothing is committed; "
            + "after it is back nothing is lost and nothing doubled")
    void analyticsStoreOutagePausesAndRecovers() throws Exception {
        try (ClickHouseTestServer clickhouse = ClickHouseTestServer.start()) {
            AnalyticsIndex remote = new AnalyticsIndex(ClickHouseAnalyticsStore.open(ClickHouseSettings.of(
                    clickhouse.url(), ClickHouseSettings.DEFAULT_USER, "", "sink_it")), kafka.names);
            open.add(remote);
            outageThenRecovery(vectors, remote, clickhouse::stop, clickhouse::launch);
        }
    }

    private void outageThenRecovery(VectorIndex vectorIndex, AnalyticsIndex analyticsIndex, Runnable down,
            Runnable up) throws InterruptedException {
        produce(0, EXECUTIONS / 2);
        SinkProcessor sink = start(List.of(vectorIndex, analyticsIndex));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                kafka.committed(kafka.names.eventsTopic())).isEqualTo(EXECUTIONS / 2 * EVENTS_PER_EXECUTION));

        down.run();
        produce(EXECUTIONS / 2, EXECUTIONS);
        await().atMost(Duration.ofSeconds(15)).until(() -> sink.counters().paused());
        Thread.sleep(10_000);
        assertThat(sink.counters().paused()).isTrue();
        assertThat(sink.counters().retries()).isGreaterThan(3);
        assertThat(kafka.committed(kafka.names.eventsTopic())).as("offsets while the store is down")
                .isEqualTo(EXECUTIONS / 2 * EVENTS_PER_EXECUTION);

        up.run();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(kafka.committed(kafka.names.eventsTopic())).isEqualTo(EXECUTIONS * EVENTS_PER_EXECUTION);
            assertThat(kafka.committed(kafka.names.tracesTopic())).isEqualTo(EXECUTIONS);
        });
        assertThat(sink.counters().paused()).isFalse();
        assertThat(vectorIndex.count(Collections.FAILURES, 1)).isEqualTo(EXECUTIONS);
        assertThat(vectorIndex.count(Collections.EXECUTIONS, 1)).isEqualTo(EXECUTIONS);
        assertThat(vectorIndex.count(Collections.PLAYBOOKS, 1)).isEqualTo(1);
        assertThat(analyticsIndex.counts(1)).isEqualTo(new TableCounts(EXECUTIONS * EVENTS_PER_EXECUTION, EXECUTIONS,
                0, 0, 0));
        assertThat(sink.counters().written()).isEqualTo(EXECUTIONS * (EVENTS_PER_EXECUTION + 1));
        assertThat(kafka.deadLetters()).isEmpty();
    }
}

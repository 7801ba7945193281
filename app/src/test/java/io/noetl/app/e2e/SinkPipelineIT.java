package io.noetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.noetl.app.client.NoetlClient;
import io.noetl.app.infra.Lifecycle;
import io.noetl.app.infra.StreamRoles;
import io.noetl.server.ServerConfig;
import io.noetl.server.ServerRole;
import io.noetl.sink.analytics.clickhouse.ClickHouseAnalyticsStore;
import io.noetl.sink.analytics.duckdb.DuckDbAnalyticsStore;
import io.noetl.sink.index.SinkIndexes;
import io.noetl.sink.index.VectorIndex;
import io.noetl.sink.replay.ReplayJob;
import io.noetl.sink.replay.ReplayProgress;
import io.noetl.sink.replay.ReplaySettings;
import io.noetl.sink.replay.ReplayState;
import io.noetl.sink.vector.VectorStores;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.StepErrorRate;
import io.noetl.stores.analytics.TimeRange;
import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorStore;
import io.noetl.worker.WorkerConfig;
import io.noetl.worker.WorkerRole;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NATS → server + worker → bridge → Kafka → topology → sink → stores, in one JVM on the real nats-server and Kafka
 * broker: a playbook whose step fails for some runs is found again by the text of its error in the vector store,
 * and the analytics store answers latency and error-rate questions about it — with the embedded stores (DuckDB and
 * the embedded vector index) and with ClickHouse.
 */
class SinkPipelineIT {

    private static final String PATH = LoadOrdersPipeline.path("sink_pipeline");
    private static final String STEP = LoadOrdersPipeline.STEP;
    private static final int OK = 4;
    private static final int FAILING = 2;
    private static final String PLAYBOOK = LoadOrdersPipeline.playbook("sink_pipeline");

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("with the embedded stores, a failing step's error is searchable by similar text and the analytics "
            + "store answers slowest steps and error rates for it")
    void embeddedStoresAnswerAboutAFailingPlaybook() throws Exception {
        Map<String, String> env = env();
        runPipeline(env, DuckDbAnalyticsStore.class);
    }

    @Test
    @DisplayName("with ClickHouse as the analytics store, the same pipeline fills it and it answers the same questions")
    void clickHouseAnswersAboutAFailingPlaybook() throws Exception {
        Map<String, String> env = env();
        LoadOrdersPipeline.useClickHouse(env, "pipe_");
        runPipeline(env, ClickHouseAnalyticsStore.class);
    }

    @Test
    @DisplayName("on a data dir whose vector index was built by the former hashing default (no recorded embedder),"
            + " the pipeline starts with the MiniLM default, the sink names both embedders and the replay command,"
            + " writes no MiniLM point into the old version while analytics keep filling, and the replay fixes it")
    void oldHashingDataDirIsRefusedAndRebuiltByReplay() throws Exception {
        Map<String, String> env = env();
        try (VectorStore old = VectorStores.open(VectorStores.Settings.embedded(), dataDir)) {
            for (String base : VectorIndex.BASES) {
                old.createCollection(Collections.versioned(base, 1), 384);
            }
            old.switchAliases(Map.of(Collections.FAILURES, "noetl_failures_v1", Collections.EXECUTIONS,
                    "noetl_executions_v1", Collections.PLAYBOOKS, "noetl_playbooks_v1"));
        }
        try (Lifecycle life = new Lifecycle()) {
            ServerRole server = life.add(ServerRole.start(ServerConfig.fromEnv(env)));
            life.add(WorkerRole.start(WorkerConfig.fromEnv(env)));
            StringWriter log = new StringWriter();
            StreamRoles.Started stream = StreamRoles.start(env, life, new PrintWriter(log));
            SinkIndexes sink = stream.sink();

            assertThat(log.toString()).contains(", embedder minilm-l6-v2-q-384, dead letters ")
                    .contains("sink: WARNING vector index version 1 was built with embedder "
                    + "hashing-v1-384 (assumed").contains("this process embeds with minilm-l6-v2-q-384")
                    .contains("sink: to rebuild the vector index with the configured embedder, run: "
                            + "./noetl replay --target vectors");

            NoetlClient client = new NoetlClient("http://127.0.0.1:" + server.httpPort());
            client.register(PLAYBOOK);
            String failedId = client.start(PATH, Map.of("mode", "fail"));
            assertThat(client.await(failedId, NoetlClient.SETTLED, Duration.ofSeconds(60)).path("status").asText())
                    .isEqualTo("FAILED");
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(sink.analytics().counts(1).traces()).isEqualTo(1));
            assertThat(sink.vectors().count(1)).as("no MiniLM point in the hashing version").isZero();
            assertThat(sink.vectors().embedderMismatch()).isPresent();

            ReplayProgress replay = new ReplayJob("vectors", List.of(sink.vectors()),
                    ReplaySettings.defaults(stream.bootstrapServers(), env.get("NOETL_STREAM_PREFIX")),
                    Clock.systemUTC()).run();

            assertThat(replay.state()).as("error: %s", replay.error()).isEqualTo(ReplayState.COMPLETED);
            assertThat(sink.vectors().currentVersion()).isEqualTo(2);
            assertThat(sink.vectors().embedderMismatch()).isEmpty();
            assertThat(sink.vectors().count(Collections.FAILURES, 2)).isEqualTo(1);
            float[] query = sink.vectors().queries().embed(new EmbeddingInput(null,
                    "could not reach the warehouse database db-7 on port 5432"));
            assertThat(sink.vectors().store().search(Collections.FAILURES, SearchRequest.of(query, 1)).getFirst()
                    .payload().executionId()).isEqualTo(failedId);
        }
    }

    private Map<String, String> env() {
        return LoadOrdersPipeline.env("sk", dataDir);
    }

    private void runPipeline(Map<String, String> env, Class<? extends AnalyticsStore> storeType) throws Exception {
        try (Lifecycle life = new Lifecycle()) {
            ServerRole server = life.add(ServerRole.start(ServerConfig.fromEnv(env)));
            life.add(WorkerRole.start(WorkerConfig.fromEnv(env)));
            StringWriter log = new StringWriter();
            StreamRoles.Started stream = StreamRoles.start(env, life, new PrintWriter(log));
            SinkIndexes sink = stream.sink();
            assertThat(sink).as("the sink started with the stream roles").isNotNull();
            assertThat(sink.analytics().store()).isInstanceOf(storeType);
            assertThat(log.toString()).contains("sink: ");

            NoetlClient client = new NoetlClient("http://127.0.0.1:" + server.httpPort());
            client.register(PLAYBOOK);
            List<String> failed = new ArrayList<>();
            List<String> all = new ArrayList<>();
            for (int i = 0; i < OK + FAILING; i++) {
                boolean fail = i % 3 == 2;
                String id = client.start(PATH, Map.of("mode", fail ? "fail" : "ok"));
                all.add(id);
                if (fail) {
                    failed.add(id);
                }
            }
            for (String id : all) {
                String status = client.await(id, NoetlClient.SETTLED, Duration.ofSeconds(60)).path("status").asText();
                assertThat(status).as("execution %s", id).isEqualTo(failed.contains(id) ? "FAILED" : "COMPLETED");
            }

            AnalyticsStore analytics = sink.analytics().store();
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(sink.vectors().currentVersion()).isEqualTo(1);
                assertThat(sink.vectors().count(Collections.FAILURES, 1)).isEqualTo(FAILING);
                assertThat(sink.vectors().count(Collections.EXECUTIONS, 1)).isEqualTo(OK + FAILING);
                assertThat(sink.analytics().counts(1).traces()).isEqualTo(OK + FAILING);
                // events and traces reach the sink in separate batches: wait for every attempt, not only the errors
                assertThat(errorRate(analytics)).isNotNull().satisfies(r -> {
                    assertThat(r.errors()).isEqualTo(FAILING);
                    assertThat(r.attempts()).isEqualTo(OK + FAILING);
                });
                assertThat(analytics.slowestSteps(TimeRange.ALL, 10)).anySatisfy(s -> {
                    assertThat(s.playbook()).isEqualTo(PATH);
                    assertThat(s.step()).isEqualTo(STEP);
                    assertThat(s.attempts()).isEqualTo(OK + FAILING);
                    assertThat(s.p95Ms()).isGreaterThanOrEqualTo(50);
                });
            });

            StepErrorRate rate = errorRate(analytics);
            assertThat(rate.templateId()).isNotBlank();

            float[] query = sink.vectors().embeddings().embed(new EmbeddingInput(null,
                    "connection refused by warehouse db-9:5432 loading orders"));
            List<SearchHit> hits = sink.vectors().store().search(Collections.FAILURES, SearchRequest.of(query, 3));
            assertThat(hits).isNotEmpty();
            assertThat(hits.getFirst().payload().executionId()).isIn(failed);
            assertThat(hits.getFirst().payload().step()).isEqualTo(STEP);
            assertThat(hits.getFirst().payload().playbook()).isEqualTo(PATH);
            assertThat(hits.getFirst().payload().resolution()).isNull();
            assertThat(sink.summary()).contains("vectors " + FAILING + " failures, " + (OK + FAILING) + " executions");
        }
    }

    private static StepErrorRate errorRate(AnalyticsStore analytics) {
        return analytics.errorRates(TimeRange.ALL, 10).stream()
                .filter(r -> PATH.equals(r.playbook()) && STEP.equals(r.step())).findFirst().orElse(null);
    }
}

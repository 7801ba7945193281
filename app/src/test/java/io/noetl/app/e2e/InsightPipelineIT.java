package io.noetl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.app.client.NoetlClient;
import io.noetl.app.infra.InsightStores;
import io.noetl.app.infra.Lifecycle;
import io.noetl.app.infra.StreamRoles;
import io.noetl.schemas.Json;
import io.noetl.server.ServerConfig;
import io.noetl.server.ServerRole;
import io.noetl.sink.index.SinkIndexes;
import io.noetl.sink.vector.qdrant.InProcessQdrantServer;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.worker.WorkerConfig;
import io.noetl.worker.WorkerRole;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The insight loop end to end, on real servers in one JVM (NATS → server + worker → bridge → Kafka → topology → sink
 * → stores → the insight routes): executions fail, one failure's resolution is recorded, and the diagnosis of the
 * next similar failure cites it; fingerprints, playbook insights, search and alerts answer from the same stores —
 * on the embedded stores and on ClickHouse with the Qdrant protocol.
 */
class InsightPipelineIT {

    private static final String PATH = LoadOrdersPipeline.path("insight_pipeline");
    private static final String STEP = LoadOrdersPipeline.STEP;
    private static final String FIX = "restarted the warehouse replica db-7 and raised its connection limit";
    private static final String PLAYBOOK = LoadOrdersPipeline.playbook("insight_pipeline");

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("embedded stores: a failure's recorded resolution is cited by the next similar failure's diagnosis")
    void embeddedStores() throws Exception {
        run(env());
    }

    @Test
    @DisplayName("ClickHouse and the Qdrant protocol: the same loop, the same answers")
    void clickHouseAndQdrant() throws Exception {
        Map<String, String> env = env();
        LoadOrdersPipeline.useClickHouse(env, "ins_");
        try (InProcessQdrantServer qdrant = InProcessQdrantServer.startOnLoopback(null)) {
            env.put("NOETL_VECTOR_STORE", "qdrant");
            env.put("QDRANT_URL", "http://127.0.0.1:" + qdrant.port());
            run(env);
        }
    }

    private Map<String, String> env() {
        return LoadOrdersPipeline.env("in", dataDir);
    }

    private void run(Map<String, String> env) throws Exception {
        try (Lifecycle life = new Lifecycle()) {
            ServerRole server = life.add(ServerRole.start(ServerConfig.fromEnv(env)));
            life.add(WorkerRole.start(WorkerConfig.fromEnv(env)));
            StreamRoles.Started stream = StreamRoles.start(env, life, new PrintWriter(new StringWriter()));
            SinkIndexes sink = stream.sink();
            InsightStores.fromSink(server, sink, life);
            String api = "http://127.0.0.1:" + server.httpPort();
            NoetlClient client = new NoetlClient(api);
            client.register(PLAYBOOK);

            List<String> failed = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String id = client.start(PATH, Map.of("mode", i % 2 == 0 ? "fail" : "ok"));
                if (i % 2 == 0) {
                    failed.add(id);
                }
                client.await(id, NoetlClient.SETTLED, Duration.ofSeconds(60));
            }
            AnalyticsStore analytics = sink.analytics().store();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    assertThat(failed).allSatisfy(id -> assertThat(analytics.executionErrors(id)).isNotEmpty()));

            JsonNode resolution = post(api + "/api/executions/" + failed.getFirst() + "/resolution",
                    "{\"text\": \"" + FIX + "\", \"by\": \"ana\"}", 201);
            assertThat(resolution.path("event_id").asText()).isNotBlank();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    assertThat(analytics.resolutions(List.of(failed.getFirst()))).containsKey(failed.getFirst()));

            String next = client.start(PATH, Map.of("mode", "fail"));
            client.await(next, NoetlClient.SETTLED, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                assertThat(analytics.executionErrors(next)).isNotEmpty();
                assertThat(sink.vectors().store().count(sink.vectors().store().aliasTarget(
                        io.noetl.stores.vector.Collections.FAILURES).orElseThrow())).isEqualTo(4);
            });

            JsonNode d = get(api + "/api/executions/" + next + "/diagnosis", 200);
            assertThat(d.path("failed_step").asText()).isEqualTo(STEP);
            assertThat(d.path("root_cause").path("class").asText()).isEqualTo("connection");
            assertThat(d.path("missing")).isEmpty();
            assertThat(d.path("fingerprint").path("occurrences").asLong()).isEqualTo(4);
            assertThat(d.path("fingerprint").path("executions").asLong()).isEqualTo(4);
            assertThat(d.path("fingerprint").path("new").asBoolean()).isTrue();
            List<String> similarIds = new ArrayList<>();
            d.path("similar").forEach(s -> similarIds.add(s.path("execution_id").asText()));
            assertThat(similarIds).isNotEmpty().doesNotContain(next).isSubsetOf(failed);
            JsonNode cited = null;
            for (JsonNode s : d.path("similar")) {
                if (failed.getFirst().equals(s.path("execution_id").asText())) {
                    cited = s;
                }
            }
            assertThat(cited).as("the resolved failure is among the similar ones").isNotNull();
            assertThat(cited.path("resolution").path("text").asText()).isEqualTo(FIX);
            assertThat(cited.path("resolution").path("by").asText()).isEqualTo("ana");
            assertThat(d.path("root_cause").path("summary").asText()).contains(FIX);

            JsonNode similar = get(api + "/api/executions/" + next + "/similar?limit=2", 200);
            assertThat(similar.path("items").size()).isBetween(1, 2);

            String template = d.path("fingerprint").path("id").asText();
            JsonNode fingerprints = get(api + "/api/fingerprints?playbook=" + enc(PATH), 200);
            assertThat(fingerprints.path("items")).anySatisfy(f -> assertThat(f.path("id").asText())
                    .isEqualTo(template));
            JsonNode fingerprint = get(api + "/api/fingerprints/" + template, 200);
            List<String> hits = new ArrayList<>();
            fingerprint.path("executions").path("items").forEach(h -> hits.add(h.path("execution_id").asText()));
            assertThat(hits).containsExactlyInAnyOrderElementsOf(concat(failed, next));
            assertThat(get(api + "/api/fingerprints/ffffffffffffffff", 404).path("error").path("code").asText())
                    .isEqualTo("not_found");

            JsonNode insights = get(api + "/api/playbooks/" + PATH + "/insights?since=1h", 200);
            assertThat(insights.path("steps")).anySatisfy(s -> {
                assertThat(s.path("step").asText()).isEqualTo(STEP);
                assertThat(s.path("attempts").asLong()).isEqualTo(7);
                assertThat(s.path("failures").asLong()).isEqualTo(4);
            });
            assertThat(insights.path("bottleneck").asText()).isEqualTo(STEP);

            JsonNode search = get(api + "/api/search?q=" + enc("warehouse connection refused today")
                    + "&kind=failures&limit=3", 200);
            assertThat(search.path("items")).isNotEmpty();
            assertThat(search.path("items").get(0).path("execution_id").asText()).isIn(concat(failed, next));
            assertThat(get(api + "/api/alerts?since=1h", 200).path("items").isArray()).isTrue();
        }
    }

    private JsonNode get(String url, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", url, r.body()).isEqualTo(status);
        return Json.mapper().readTree(r.body());
    }

    private JsonNode post(String url, String body, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST %s: %s", url, r.body()).isEqualTo(status);
        return Json.mapper().readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> concat(List<String> ids, String one) {
        List<String> all = new ArrayList<>(ids);
        all.add(one);
        return all;
    }
}

package io.noetl.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.server.api.HttpApi;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.index.IndexTarget;
import io.noetl.sink.index.VectorIndex;
import io.noetl.sink.replay.FailureTopics;
import io.noetl.sink.replay.ReplayService;
import io.noetl.sink.replay.ReplaySettings;
import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.testkit.KafkaTestBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin reindex routes over real HTTP, a real Kafka broker and a real embedded vector index. */
class ReindexRoutesIT {

    private static final int FAILURES = 30;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ReindexRoutes routes = new ReindexRoutes();
    private HttpApi api;
    private VectorIndex index;
    private ReplayService replays;

    @BeforeEach
    void setUp() throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        Names names = FailureTopics.create(broker.bootstrapServers(), FAILURES);
        index = new VectorIndex(EmbeddedVectorStore.open(dir.resolve("vectors")), Embeddings.defaults(), names);
        replays = new ReplayService(Map.of(IndexTarget.VECTORS, index),
                ReplaySettings.defaults(broker.bootstrapServers(), names.prefix()).withLiveBatchTime(Duration.ZERO),
                Clock.systemUTC());
        api = new HttpApi(List.of(routes)).start("127.0.0.1", 0);
    }

    @AfterEach
    void tearDown() {
        api.close();
        replays.close();
        index.close();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/admin/reindex"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String jobId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/admin/reindex/"
                + jobId)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.tree(response.body().getBytes());
    }

    @Test
    @DisplayName("without a sink in this process the reindex routes answer 503 with the house error body")
    void noSinkIs503() throws Exception {
        HttpResponse<String> response = post("{\"target\":\"vectors\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("no_sink");
        assertThat(get("whatever").statusCode()).isEqualTo(503);
    }

    @Test
    @DisplayName("bad input answers 400 with every problem in details")
    void badInputIs400() throws Exception {
        routes.attach(replays);

        HttpResponse<String> both = post("{\"target\":\"everything\",\"since\":\"yesterday\"}");
        HttpResponse<String> missingIndex = post("{\"target\":\"analytics\"}");
        HttpResponse<String> empty = post("");

        assertThat(both.statusCode()).isEqualTo(400);
        JsonNode details = json(both).path("error").path("details");
        assertThat(details).hasSize(2);
        assertThat(details.get(0).path("path").asText()).isEqualTo("target");
        assertThat(details.get(0).path("message").asText()).contains("vectors, analytics or all");
        assertThat(details.get(1).path("path").asText()).isEqualTo("since");
        assertThat(details.get(1).path("message").asText()).contains("ISO-8601").contains("2h");
        assertThat(missingIndex.statusCode()).isEqualTo(400);
        assertThat(json(missingIndex).path("error").path("details").get(0).path("message").asText())
                .contains("no analytics index");
        assertThat(empty.statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("an unknown job id answers 404")
    void unknownJobIs404() throws Exception {
        routes.attach(replays);

        HttpResponse<String> response = get("no-such-job");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("not_found");
    }

    @Test
    @DisplayName("a reindex answers 202 with its job id, a second one for the same index 409, and the job reaches"
            + " completed with every record in the new version")
    void reindexRunsToCompletion() throws Exception {
        routes.attach(replays);

        HttpResponse<String> started = post("{\"target\":\"vectors\"}");
        HttpResponse<String> again = post("{\"target\":\"all\"}");

        assertThat(started.statusCode()).isEqualTo(202);
        String jobId = json(started).path("job_id").asText();
        assertThat(jobId).isNotBlank();
        assertThat(json(started).path("target").asText()).isEqualTo("vectors");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("error").path("message").asText()).contains(jobId);

        JsonNode done = json(get(jobId));
        for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                !done.path("state").asText().matches("completed|failed") && System.nanoTime() < deadline; ) {
            Thread.sleep(200);
            done = json(get(jobId));
        }
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("done").asLong()).isEqualTo(FAILURES);
        assertThat(done.path("total").asLong()).isEqualTo(FAILURES);
        assertThat(done.path("from_version").asInt()).isZero();
        assertThat(done.path("to_version").asInt()).isEqualTo(1);
        assertThat(done.path("eta_seconds").asLong()).isZero();
        assertThat(done.has("rate_per_s")).isTrue();
        assertThat(done.path("error").isNull()).isTrue();
        assertThat(index.currentVersion()).isEqualTo(1);
        assertThat(index.count(1)).isEqualTo(FAILURES);
    }
}

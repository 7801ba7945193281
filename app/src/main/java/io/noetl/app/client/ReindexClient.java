package io.noetl.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.settings.Env;
import io.noetl.server.ServerConfig;
import io.noetl.sink.replay.ReplayProgress;
import io.noetl.sink.replay.ReplayState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A client of a running API's reindex routes ({@code POST /api/admin/reindex}, {@code GET /api/admin/reindex/{id}}).
 */
public final class ReindexClient {

    private final URI base;
    private final HttpClient http;

    public ReindexClient(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** {@code NOETL_API}, else {@code http://127.0.0.1:<the server's port>} (the server's own settings). */
    public static String apiUrl(Map<String, String> env) {
        return Env.of(env).optional("NOETL_API")
                .orElseGet(() -> "http://127.0.0.1:" + ServerConfig.fromEnv(env).httpPort());
    }

    public URI base() {
        return base;
    }

    /**
     * Asks the API to start a replay.
     *
     * @return the job id; empty when no API answers or the API's process runs no sink (then this process may own
     *         the stores)
     * @throws ApiException when the API refuses the request (bad input, a replay already running, ...)
     */
    public Optional<String> start(String target, Instant since) {
        ObjectNode body = Json.object();
        body.put("target", target);
        if (since != null) {
            body.put("since", since.toString());
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/admin/reindex"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException noApi) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted calling " + request.uri(), e);
        }
        JsonNode answer = NoetlClient.parse(response.body());
        if (response.statusCode() == 503 && "no_sink".equals(answer.path("error").path("code").asText())) {
            return Optional.empty();
        }
        if (response.statusCode() != 202) {
            throw NoetlClient.error(response.statusCode(), answer, request);
        }
        return Optional.of(answer.path("job_id").asText());
    }

    /** @return the job's progress */
    public ReplayProgress status(String jobId) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/admin/reindex/" + jobId))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ApiException("lost the NoETL API at " + base + " while following reindex job " + jobId + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted calling " + request.uri(), e);
        }
        JsonNode answer = NoetlClient.parse(response.body());
        if (response.statusCode() != 200) {
            throw NoetlClient.error(response.statusCode(), answer, request);
        }
        return progress(answer);
    }

    /** Reads the progress body the reindex routes write. */
    static ReplayProgress progress(JsonNode j) {
        JsonNode error = j.path("error");
        return new ReplayProgress(j.path("target").asText(),
                ReplayState.valueOf(j.path("state").asText("failed").toUpperCase(Locale.ROOT)),
                j.path("done").asLong(), j.path("total").asLong(), j.path("rate_per_s").asDouble(),
                j.path("eta_seconds").asLong(-1), j.path("from_version").asInt(), j.path("to_version").asInt(),
                error.isNull() || error.isMissingNode() ? null : error.asText());
    }
}

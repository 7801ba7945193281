package io.noetl.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.decision.Decision;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A thin client of the server's control API (DESIGN.md, "REST conventions"):
 * {@code POST /api/playbooks} (YAML body), {@code POST /api/executions} ({@code {path, workload}}),
 * {@code GET /api/executions/{id}}, {@code POST /api/executions/{id}/cancel},
 * {@code POST /api/executions/{id}/decisions}.
 */
public final class NoetlClient {

    public static final String DEFAULT_API = "http://127.0.0.1:8080";

    /** Execution statuses after which nothing more happens without a person. */
    public static final Set<String> SETTLED = Set.of("COMPLETED", "FAILED", "CANCELLED", "PAUSED");

    private final URI base;
    private final HttpClient http;

    public NoetlClient(String baseUrl) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.base = URI.create(trimmed);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code NOETL_API} from {@code env}, default {@value #DEFAULT_API}. */
    public static NoetlClient fromEnv(Map<String, String> env) {
        String api = env.get("NOETL_API");
        return new NoetlClient(api == null || api.isBlank() ? DEFAULT_API : api);
    }

    public URI base() {
        return base;
    }

    /** Registers a playbook; the answer names its {@code path} and {@code version}. */
    public JsonNode register(String yaml) {
        return send(request("/api/playbooks").header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)).build());
    }

    /** Starts an execution of the latest version of {@code path}; returns its {@code execution_id}. */
    public String start(String path, Map<String, Object> workload) {
        return start(path, null, workload);
    }

    /**
     * Starts an execution of {@code version} of {@code path} (the latest when {@code version} is null); returns its
     * {@code execution_id}.
     */
    public String start(String path, Integer version, Map<String, Object> workload) {
        ObjectNode body = Json.object();
        body.put("path", path);
        if (version != null) {
            body.put("version", version);
        }
        body.set("workload", Json.toTree(workload == null ? Map.of() : workload));
        JsonNode answer = send(json("/api/executions", body));
        return answer.path("execution_id").asText();
    }

    /** Cancels an execution with {@code reason}: {@code POST /api/executions/{id}/cancel}; returns its state. */
    public JsonNode cancel(String executionId, String reason) {
        ObjectNode body = Json.object();
        body.put("reason", reason);
        return send(json("/api/executions/" + encode(executionId) + "/cancel", body));
    }

    public JsonNode execution(String executionId) {
        return send(request("/api/executions/" + encode(executionId)).GET().build());
    }

    /** Why it failed: {@code GET /api/executions/{id}/diagnosis}. */
    public JsonNode diagnosis(String executionId) {
        return send(request("/api/executions/" + encode(executionId) + "/diagnosis").GET().build());
    }

    public JsonNode decide(String executionId, Decision decision) {
        return send(json("/api/executions/" + encode(executionId) + "/decisions", Json.toTree(decision)));
    }

    /** Polls until the execution's status is one of {@code statuses}; returns the last answer. */
    public JsonNode await(String executionId, Set<String> statuses, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = execution(executionId);
        while (!statuses.contains(last.path("status").asText())) {
            if (System.nanoTime() > deadline) {
                throw new ApiException(408, "timeout", "execution " + executionId + " still "
                        + last.path("status").asText() + " after " + timeout, List.of());
            }
            Thread.sleep(100);
            last = execution(executionId);
        }
        return last;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
    }

    private HttpRequest json(String path, JsonNode body) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ApiException("cannot reach the NoETL API at " + base + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is the server running? "
                    + "set NOETL_API to its address", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted calling " + request.uri(), e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw error(response.statusCode(), body, request);
        }
        return body;
    }

    /** @return the body as JSON; an empty body as {}, other text as {"text": ...} */
    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Json.object();
        }
        try {
            return Json.tree(body);
        } catch (IllegalArgumentException notJson) {
            return Json.object().put("text", new String(body, StandardCharsets.UTF_8));
        }
    }

    /** @return the house error body {@code {"error": {code, message, details}}} of a refused request as an exception */
    static ApiException error(int status, JsonNode body, HttpRequest request) {
        JsonNode error = body.path("error");
        String message = error.path("message").asText(body.path("text").asText(request.method() + " " + request.uri()));
        List<String> details = new ArrayList<>();
        error.path("details").forEach(d -> details.add(detail(d)));
        return new ApiException(status, error.path("code").asText("http_" + status), message, details);
    }

    /** {@code workflow[2].next[0].step (line 14): unknown step 'x'} from {@code {path, line, message}}. */
    private static String detail(JsonNode d) {
        if (d.isTextual() || !d.has("message")) {
            return d.isTextual() ? d.asText() : d.toString();
        }
        String where = d.path("path").asText("");
        int line = d.path("line").asInt(0);
        return (where.isEmpty() ? "" : where) + (line > 0 ? " (line " + line + ")" : "")
                + (where.isEmpty() && line == 0 ? "" : ": ") + d.path("message").asText();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}

package io.noetl.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.noetl.schemas.Json;
import io.noetl.server.api.ApiException;
import io.noetl.server.api.RouteGroup;
import io.noetl.sink.replay.ReplayProgress;
import io.noetl.sink.replay.ReplayService;
import io.noetl.sink.replay.ReplaySince;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/admin/reindex {"target": "vectors|analytics|all", "since": "..."}} starts a replay of this
 * process's sink indexes (202 with the job's progress); {@code GET /api/admin/reindex/{job_id}} reads its progress.
 * 503 until a sink {@linkplain #attach attaches} its {@link ReplayService}, 409 while a replay of the same index runs.
 */
public final class ReindexRoutes implements RouteGroup {

    private volatile ReplayService service;

    /** Serves replays through {@code replays} from now on. */
    public void attach(ReplayService replays) {
        this.service = replays;
    }

    /** Stops serving replays (the sink stopped). */
    public void detach() {
        this.service = null;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/admin/reindex", this::start);
        routes.get("/api/admin/reindex/{job_id}", this::status);
    }

    private ReplayService service() {
        ReplayService s = service;
        if (s == null) {
            throw new ApiException(503, "no_sink", "this process runs no semantic sink; reindex where the sink runs"
                    + " (noetl all), or run 'noetl replay' with the API stopped", List.of());
        }
        return s;
    }

    private void start(Context ctx) {
        ReplayService replays = service();
        JsonNode body = body(ctx);
        List<Map<String, String>> problems = new ArrayList<>();
        String target = text(body, "target", true, problems);
        if (target != null) {
            try {
                replays.resolve(target);
            } catch (IllegalArgumentException e) {
                problems.add(problem("target", e.getMessage()));
            }
        }
        String sinceRaw = text(body, "since", false, problems);
        Instant since = null;
        if (sinceRaw != null) {
            try {
                since = ReplaySince.parse("since", sinceRaw, replays.now());
            } catch (IllegalArgumentException e) {
                problems.add(problem("since", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid_request", "reindex request has " + problems.size()
                    + " problem(s)", problems);
        }
        ReplayService.Job job;
        try {
            job = replays.start(target, since);
        } catch (ReplayService.BusyException e) {
            throw ApiException.conflict(e.getMessage());
        }
        write(ctx, 202, json(job.id(), job.progress()));
    }

    private void status(Context ctx) {
        String id = ctx.pathParam("job_id");
        ReplayService.Job job = service().job(id).orElseThrow(() -> ApiException.notFound("reindex job '" + id + "'"));
        write(ctx, 200, json(job.id(), job.progress()));
    }

    /** The progress body: job_id, target, state, done, total, rate_per_s, eta_seconds, versions and error. */
    static ObjectNode json(String jobId, ReplayProgress p) {
        ObjectNode node = Json.object();
        node.put("job_id", jobId);
        node.put("target", p.target());
        node.put("state", p.state().wireName());
        node.put("done", p.done());
        node.put("total", p.total());
        node.put("rate_per_s", Math.round(p.ratePerS() * 10) / 10.0);
        node.put("eta_seconds", p.etaSeconds());
        node.put("from_version", p.fromVersion());
        node.put("to_version", p.toVersion());
        if (p.error() == null) {
            node.putNull("error");
        } else {
            node.put("error", p.error());
        }
        return node;
    }

    private static JsonNode body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw ApiException.badRequest("invalid_request", "request body is empty; a JSON object is required",
                    List.of(problem("$", "empty body")));
        }
        JsonNode root;
        try {
            root = Json.tree(bytes);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_json", "request body is not valid JSON",
                    List.of(problem("$", String.valueOf(e.getMessage()))));
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("invalid_request", "request body must be a JSON object",
                    List.of(problem("$", "expected an object")));
        }
        return root;
    }

    private static String text(JsonNode body, String field, boolean required, List<Map<String, String>> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(problem(field, "is required: vectors, analytics or all"));
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(problem(field, "must be a non-empty string"));
            return null;
        }
        return node.asText();
    }

    private static Map<String, String> problem(String path, String message) {
        return Map.of("path", path, "message", message);
    }

    private static void write(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.bytes(body));
    }
}

package io.noetl.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.noetl.insights.StoreUnavailableException;
import io.noetl.insights.fingerprint.FingerprintView;
import io.noetl.insights.fingerprint.Fingerprints;
import io.noetl.stores.analytics.ExecutionHit;
import io.noetl.stores.analytics.Page;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/fingerprints?playbook=&since=&limit=&cursor=} and {@code GET /api/fingerprints/{id}}: failure
 * fingerprints (error templates) across runs, new or chronic, and the executions that hit each.
 */
final class FingerprintRoutes {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;

    private final Fingerprints fingerprints;

    FingerprintRoutes(Fingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/fingerprints", this::list);
        routes.get("/api/fingerprints/{id}", this::get);
    }

    private void list(Context ctx) {
        Instant since = Queries.since("since", ctx.queryParam("since"), Instant.now());
        int limit = Queries.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        Page<FingerprintView> page = read(() -> fingerprints.list(blankToNull(ctx.queryParam("playbook")), since,
                limit, blankToNull(ctx.queryParam("cursor"))));
        Responses.page(ctx, page.items(), page.next());
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("id");
        int limit = Queries.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        FingerprintView view = read(() -> fingerprints.get(id))
                .orElseThrow(() -> ApiException.notFound("fingerprint '" + id + "'"));
        Page<ExecutionHit> hits = read(() -> fingerprints.executions(id, limit,
                blankToNull(ctx.queryParam("cursor"))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fingerprint", view);
        Map<String, Object> executions = new LinkedHashMap<>();
        executions.put("items", hits.items());
        executions.put("next", hits.next());
        body.put("executions", executions);
        Responses.json(ctx, 200, body);
    }

    static <T> T read(java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (StoreUnavailableException e) {
            throw InsightRoutes.storeDown(e);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_request", e.getMessage(), List.of(Map.of("path", "cursor",
                    "message", String.valueOf(e.getMessage()))));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

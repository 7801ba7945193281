package io.noetl.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.noetl.insights.Insights;
import io.noetl.server.catalog.Catalog;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /api/playbooks/{path}/insights?since=}: per step p50/p95/p99, share of the critical path (the
 * bottleneck), trend, and recommendations with evidence and YAML patches. Registered before the catalog's
 * {@code /api/playbooks/{path}}, whose path may hold slashes.
 */
final class PlaybookInsightRoutes {

    /** Window read when no {@code since} is given. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private final Insights insights;
    private final Catalog catalog;

    PlaybookInsightRoutes(Insights insights, Catalog catalog) {
        this.insights = insights;
        this.catalog = catalog;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/playbooks/<path>/insights", this::insights);
    }

    private void insights(Context ctx) {
        String path = ctx.pathParam("path");
        if (catalog.latest(path).isEmpty()) {
            throw ApiException.notFound("playbook '" + path + "'");
        }
        Instant now = Instant.now();
        Instant since = Queries.since("since", ctx.queryParam("since"), now);
        Instant from = since == null ? now.minus(DEFAULT_WINDOW) : since;
        Responses.json(ctx, 200, FingerprintRoutes.read(() -> insights.playbook(path, from)));
    }
}

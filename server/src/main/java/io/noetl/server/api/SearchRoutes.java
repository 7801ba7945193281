package io.noetl.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.noetl.insights.Insights;
import io.noetl.insights.search.Search;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/search?q=&kind=failures|executions|playbooks&limit=&playbook=&step=&status=&since=&until=}:
 * natural-language search over the vector store ("payment API timeouts last week").
 */
final class SearchRoutes {

    private static final int MAX_QUERY_BYTES = 4096;
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 100;

    private final Insights insights;

    SearchRoutes(Insights insights) {
        this.insights = insights;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/search", this::search);
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("invalid_request", "q is required: what to search for",
                    List.of(Map.of("path", "q", "message", "missing or empty")));
        }
        if (q.getBytes(StandardCharsets.UTF_8).length > MAX_QUERY_BYTES) {
            throw ApiException.badRequest("invalid_request", "q must be at most " + MAX_QUERY_BYTES + " bytes",
                    List.of(Map.of("path", "q", "message", "too long")));
        }
        Search.Kind kind;
        try {
            kind = Search.Kind.parse(ctx.queryParam("kind"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_request", e.getMessage(),
                    List.of(Map.of("path", "kind", "message", e.getMessage())));
        }
        int limit = Queries.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        Instant now = Instant.now();
        Search.Filters filters = new Search.Filters(FingerprintRoutes.blankToNull(ctx.queryParam("playbook")),
                FingerprintRoutes.blankToNull(ctx.queryParam("step")),
                upper(FingerprintRoutes.blankToNull(ctx.queryParam("status"))),
                Queries.since("since", ctx.queryParam("since"), now),
                Queries.since("until", ctx.queryParam("until"), now));
        Responses.page(ctx, FingerprintRoutes.read(() -> insights.search(q.strip(), kind, filters, limit)), null);
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }
}

package io.noetl.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.noetl.insights.Insights;
import io.noetl.insights.StoreUnavailableException;
import io.noetl.insights.UnknownExecutionException;
import io.noetl.schemas.event.Event;
import io.noetl.server.runtime.ExecutionRuntime;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The insight routes of one execution: {@code GET /api/executions/{id}/diagnosis} (why did it fail),
 * {@code GET /api/executions/{id}/similar} (what failed like it before, and what fixed that) and
 * {@code POST /api/executions/{id}/resolution} (what fixed this one).
 */
final class InsightRoutes {

    /** Longest resolution text, in UTF-8 bytes. */
    static final int MAX_TEXT_BYTES = 4096;
    private static final int MAX_BY = 200;
    private static final int DEFAULT_SIMILAR = 5;
    private static final int MAX_SIMILAR = 50;

    private final Insights insights;
    private final ExecutionRuntime runtime;

    InsightRoutes(Insights insights, ExecutionRuntime runtime) {
        this.insights = insights;
        this.runtime = runtime;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/executions/{id}/diagnosis", this::diagnosis);
        routes.get("/api/executions/{id}/similar", this::similar);
        routes.post("/api/executions/{id}/resolution", this::resolution);
    }

    private void diagnosis(Context ctx) {
        try {
            Responses.json(ctx, 200, insights.diagnose(ctx.pathParam("id")));
        } catch (UnknownExecutionException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    private void similar(Context ctx) {
        int limit = Queries.limit(ctx.queryParam("limit"), DEFAULT_SIMILAR, MAX_SIMILAR);
        try {
            Responses.page(ctx, insights.similar(ctx.pathParam("id"), limit), null);
        } catch (UnknownExecutionException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (StoreUnavailableException e) {
            throw storeDown(e);
        }
    }

    private void resolution(Context ctx) {
        String id = ctx.pathParam("id");
        RequestBodies body = RequestBodies.of(ctx);
        String text = body.requiredText("text");
        String by = body.optionalText("by");
        if (text != null && text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            body.problem("text", "must be at most " + MAX_TEXT_BYTES + " bytes (got "
                    + text.getBytes(StandardCharsets.UTF_8).length + ")");
        }
        if (by != null && by.length() > MAX_BY) {
            body.problem("by", "must be at most " + MAX_BY + " characters");
        }
        body.validate();
        Event recorded = runtime.recordResolution(id, text.strip(), by == null ? null : by.strip());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("execution_id", id);
        out.put("event_id", recorded.eventId());
        out.put("text", text.strip());
        out.put("by", by);
        Responses.json(ctx, 201, out);
    }

    /** 503 naming the store an answer needed. */
    static ApiException storeDown(StoreUnavailableException e) {
        return new ApiException(503, "store_unavailable", "the " + e.store() + " store cannot be read: "
                + e.getMessage(), List.of(Map.of("store", e.store())));
    }
}

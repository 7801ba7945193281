package io.noetl.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.noetl.schemas.Json;
import io.noetl.schemas.Status;
import io.noetl.schemas.decision.Decision;
import io.noetl.schemas.event.Event;
import io.noetl.server.engine.ExecutionState;
import io.noetl.server.runtime.EventReader;
import io.noetl.server.runtime.ExecutionQueries;
import io.noetl.server.runtime.ExecutionRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/executions}: start, list, read (with events), cancel, decide. */
final class ExecutionRoutes {

    private static final int MAX_EVENTS = 1_000;
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1_000;

    private final ExecutionRuntime runtime;
    private final ExecutionQueries queries;
    private final EventReader events;

    ExecutionRoutes(ExecutionRuntime runtime, ExecutionQueries queries, EventReader events) {
        this.runtime = runtime;
        this.queries = queries;
        this.events = events;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/executions", this::start);
        routes.get("/api/executions", this::list);
        routes.get("/api/executions/{id}", this::get);
        routes.post("/api/executions/{id}/cancel", this::cancel);
        routes.post("/api/executions/{id}/decisions", this::decide);
    }

    private void start(Context ctx) {
        RequestBodies body = RequestBodies.of(ctx);
        String path = body.requiredText("path");
        Integer version = body.optionalPositiveInt("version");
        Map<String, Object> workload = body.optionalObject("workload");
        body.validate();
        ExecutionState state = runtime.start(path, version, workload);
        Responses.json(ctx, 201, Map.of("execution_id", state.executionId(), "status", state.status().name()));
    }

    private void list(Context ctx) {
        Status status = parseStatus(ctx.queryParam("status"));
        int limit = Queries.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        ExecutionQueries.Page page = queries.list(status, ctx.queryParam("playbook"), limit, ctx.queryParam("cursor"));
        Responses.page(ctx, page.items().stream().map(ExecutionRoutes::listItem).toList(), page.next());
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode body = summary(runtime.get(id));
        body.set("events", Json.toTree(events.read(id, MAX_EVENTS)));
        Responses.json(ctx, 200, body);
    }

    private void cancel(Context ctx) {
        String reason = "cancelled by request";
        if (ctx.bodyAsBytes().length > 0) {
            RequestBodies body = RequestBodies.of(ctx);
            String given = body.optionalText("reason");
            body.validate();
            reason = given == null ? reason : given;
        }
        Responses.json(ctx, 200, summary(runtime.cancel(ctx.pathParam("id"), reason)));
    }

    private void decide(Context ctx) {
        String id = ctx.pathParam("id");
        RequestBodies body = RequestBodies.of(ctx);
        String step = body.requiredText("step");
        String action = body.requiredText("action");
        String reasoning = body.optionalText("reasoning");
        String decidedBy = body.optionalText("decided_by");
        if (action != null && !Decision.ACTIONS.contains(action)) {
            body.problem("action", "must be one of approve, reject, override (got '" + action + "')");
        }
        body.validate();
        Event recorded = runtime.decide(id, new Decision(step, action, reasoning, decidedBy));
        Responses.json(ctx, 202, Map.of("execution_id", id, "event_id", recorded.eventId(), "step", step,
                "action", action));
    }

    /** The stored state as JSON plus what it derives (waiting steps, next wake-up). */
    static ObjectNode summary(ExecutionState state) {
        ObjectNode node = (ObjectNode) Json.toTree(state);
        node.set("waiting_steps", Json.toTree(state.waitingSteps()));
        return node;
    }

    private static Map<String, Object> listItem(ExecutionState s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("execution_id", s.executionId());
        item.put("playbook_path", s.playbookPath());
        item.put("playbook_version", s.playbookVersion());
        item.put("status", s.status().name());
        item.put("started_at", s.startedAt());
        if (s.endedAt() != null) {
            item.put("ended_at", s.endedAt());
        }
        if (s.parentExecutionId() != null) {
            item.put("parent_execution_id", s.parentExecutionId());
        }
        if (s.error() != null) {
            item.put("error", s.error());
        }
        return item;
    }

    private static Status parseStatus(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Status.valueOf(raw.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_request", "unknown status '" + raw + "'",
                    List.of(Map.of("path", "status", "message", "must be one of " + List.of(Status.values()))));
        }
    }
}

package io.noetl.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.noetl.insights.Insights;
import io.noetl.schemas.Json;
import io.noetl.schemas.stream.Alert;
import io.noetl.server.insight.AlertFeed;
import io.noetl.stores.analytics.AlertQuery;
import io.noetl.stores.analytics.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code GET /api/alerts?since=&severity=&playbook=&limit=&cursor=} (from the analytics store, newest first) and
 * {@code GET /api/alerts/stream?severity=&playbook=} (server-sent events, live from NATS {@code noetl.alerts.>}: one
 * {@code alert} event per alert, its JSON as data).
 */
final class AlertRoutes {

    private static final Set<String> SEVERITIES = Set.of(Alert.INFO, "warning", "critical");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;

    private final Insights insights;
    private final AlertFeed feed;

    AlertRoutes(Insights insights, AlertFeed feed) {
        this.insights = insights;
        this.feed = feed;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/alerts", this::list);
        routes.get("/api/alerts/stream", new SseHandler(this::stream));
    }

    private void list(Context ctx) {
        String severity = severity(ctx.queryParam("severity"));
        AlertQuery query = new AlertQuery(Queries.since("since", ctx.queryParam("since"), Instant.now()), severity,
                FingerprintRoutes.blankToNull(ctx.queryParam("playbook")),
                Queries.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT),
                FingerprintRoutes.blankToNull(ctx.queryParam("cursor")));
        Page<Alert> page = FingerprintRoutes.read(() -> insights.alerts(query));
        Responses.page(ctx, page.items(), page.next());
    }

    private void stream(SseClient client) {
        String severity;
        try {
            severity = severity(client.ctx().queryParam("severity"));
        } catch (ApiException e) {
            client.sendEvent("error", Json.string(Responses.error(e.code(), e.getMessage(), e.details())));
            client.close();
            return;
        }
        String playbook = FingerprintRoutes.blankToNull(client.ctx().queryParam("playbook"));
        Consumer<Alert> listener = alert -> {
            if ((severity == null || severity.equals(alert.severity()))
                    && (playbook == null || playbook.equals(alert.playbookPath()))) {
                client.sendEvent("alert", Json.string(alert), alert.alertId());
            }
        };
        client.onClose(() -> feed.remove(listener));
        feed.add(listener);
        client.sendComment("connected");
        client.keepAlive();
    }

    private static String severity(String raw) {
        String s = FingerprintRoutes.blankToNull(raw);
        if (s != null && !SEVERITIES.contains(s)) {
            throw ApiException.badRequest("invalid_request", "severity must be info, warning or critical",
                    List.of(Map.of("path", "severity", "message", "got '" + raw + "'")));
        }
        return s;
    }
}

package io.noetl.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nats.client.Connection;
import java.util.Map;

/** {@code GET /health}: 200 while NATS is connected, 503 otherwise. */
final class HealthRoutes {

    private final Connection nc;

    HealthRoutes(Connection nc) {
        this.nc = nc;
    }

    void register(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        Connection.Status status = nc.getStatus();
        if (status == Connection.Status.CONNECTED) {
            Responses.json(ctx, 200, Map.of("status", "ok"));
        } else {
            throw new ApiException(503, "nats_unavailable", "NATS connection is " + status, java.util.List.of());
        }
    }
}

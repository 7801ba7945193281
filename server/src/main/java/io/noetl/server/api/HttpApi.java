package io.noetl.server.api;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.nats.client.Connection;
import io.noetl.insights.Insights;
import io.noetl.server.catalog.Catalog;
import io.noetl.server.catalog.CatalogUnavailableException;
import io.noetl.server.insight.AlertFeed;
import io.noetl.server.runtime.ExecutionErrors;
import io.noetl.server.runtime.ExecutionServices;
import io.noetl.server.runtime.ExecutionStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The REST facade: one Javalin app, routes per feature, every error mapped once to the JSON error body. */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final Javalin app;

    /** The control API, the insight routes over {@code insights}, plus {@code extra} route groups. */
    public HttpApi(Connection nc, Catalog catalog, ExecutionServices executions, Insights insights, AlertFeed alerts,
            List<RouteGroup> extra) {
        this(core(nc, catalog, executions, insights, alerts, extra));
    }

    /** An API of these route groups only, with the shared error mapping (a feature's routes on their own). */
    public HttpApi(List<RouteGroup> groups) {
        List<RouteGroup> all = List.copyOf(groups);
        this.app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            all.forEach(group -> group.register(config.routes));
            mapErrors(config.routes);
        });
    }

    private static List<RouteGroup> core(Connection nc, Catalog catalog, ExecutionServices executions,
            Insights insights, AlertFeed alerts, List<RouteGroup> extra) {
        List<RouteGroup> groups = new ArrayList<>();
        // before the catalog's /api/playbooks/<path>: a path may hold slashes
        groups.add(new PlaybookInsightRoutes(insights, catalog)::register);
        groups.add(new PlaybookRoutes(catalog)::register);
        groups.add(new ExecutionRoutes(executions.runtime(), executions.queries(), executions.events())::register);
        groups.add(new InsightRoutes(insights, executions.runtime())::register);
        groups.add(new FingerprintRoutes(insights.fingerprints())::register);
        groups.add(new SearchRoutes(insights)::register);
        groups.add(new AlertRoutes(insights, alerts)::register);
        groups.add(new AskRoutes(insights, Catalog::problems)::register);
        groups.add(new HealthRoutes(nc)::register);
        groups.addAll(extra);
        return groups;
    }

    /** Starts listening on {@code host}; {@code port} 0 picks a free port. */
    public HttpApi start(String host, int port) {
        app.start(host, port);
        LOG.info("REST API listening on {}:{}", host, app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void mapErrors(RoutesConfig routes) {
        // the specific classes too: Javalin answers HttpResponseException itself unless told otherwise
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, toApi(e)));
        routes.exception(Exception.class, (e, ctx) -> write(ctx, toApi(e)));
    }

    /** The largest request body read; an execution's state (its workload included) is bounded by NATS anyway. */
    static final long MAX_BODY_BYTES = 1_000_000;

    private static ApiException toApi(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return switch (t) {
            case ApiException api -> api;
            case ExecutionErrors.UnknownExecution u -> new ApiException(404, "not_found", u.getMessage(), List.of());
            case ExecutionErrors.UnknownPlaybook u -> new ApiException(404, "not_found", u.getMessage(), List.of());
            case ExecutionErrors.Conflict c -> new ApiException(409, "conflict", c.getMessage(), List.of());
            case ExecutionErrors.StateTooLarge big -> new ApiException(413, "too_large", big.getMessage()
                    + ": keep large data out of the workload and pass a reference to it instead", List.of());
            case ExecutionErrors.DecisionRejected d -> new ApiException(d.status(),
                    d.status() == 409 ? "conflict" : "decision_rejected", d.getMessage(), List.of());
            case ExecutionStore.CasConflictException c -> new ApiException(409, "conflict", c.getMessage(), List.of());
            case HttpResponseException h when h.getStatus() == 413 -> new ApiException(413, "too_large",
                    "request body over the limit of " + MAX_BODY_BYTES + " bytes: keep large data out of the request "
                    + "and pass a reference to it instead", List.of());
            case HttpResponseException h -> new ApiException(h.getStatus(), codeOf(h.getStatus()), h.getMessage(), List.of());
            default -> unavailable(t) ? unavailableError(t) : internal(t);
        };
    }

    /** Javalin's own responses (unknown route, wrong method, ...) get the same codes as ours. */
    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 503 -> "unavailable";
            default -> "http_" + status;
        };
    }

    private static boolean unavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CatalogUnavailableException || c instanceof ExecutionStore.StoreUnavailableException
                    || c instanceof IOException || c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static ApiException unavailableError(Throwable t) {
        LOG.warn("dependency unavailable: {}", t.toString());
        return new ApiException(503, "unavailable", "NATS is unavailable: " + t.getMessage(), List.of());
    }

    private static ApiException internal(Throwable t) {
        LOG.error("unexpected error in REST handler", t);
        return new ApiException(500, "internal", t.getClass().getSimpleName() + ": " + t.getMessage(), List.of());
    }

    private static void write(Context ctx, ApiException e) {
        Responses.json(ctx, e.getStatus(), Responses.error(e.code(), e.getMessage(), e.details()));
    }
}

package io.noetl.server.api;

import io.javalin.config.RoutesConfig;

/**
 * Routes a feature adds to the REST API from outside this module (e.g. the admin routes of the sink). They throw
 * {@link ApiException}s like every other route; {@link HttpApi} maps them to the one JSON error body.
 */
@FunctionalInterface
public interface RouteGroup {

    /** Registers the group's routes. */
    void register(RoutesConfig routes);
}

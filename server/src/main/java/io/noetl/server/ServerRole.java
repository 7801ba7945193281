package io.noetl.server;

import io.nats.client.Connection;
import io.noetl.insights.Insights;
import io.noetl.insights.StoreAccess;
import io.noetl.schemas.nats.JetStreamSetup;
import io.noetl.schemas.nats.NatsConnections;
import io.noetl.server.api.HttpApi;
import io.noetl.server.api.RouteGroup;
import io.noetl.server.catalog.Catalog;
import io.noetl.server.insight.AlertFeed;
import io.noetl.server.insight.ServerExecutions;
import io.noetl.server.runtime.EngineAdapter;
import io.noetl.server.runtime.ExecutionServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server role: catalog, execution runtime over NATS, REST API. */
public final class ServerRole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerRole.class);

    private final Connection nc;
    private final Catalog catalog;
    private final ExecutionServices executions;
    private final HttpApi http;
    private final String serverId;
    private final Insights insights;
    private final AlertFeed alerts;

    private ServerRole(Connection nc, Catalog catalog, ExecutionServices executions, HttpApi http, String serverId,
            Insights insights, AlertFeed alerts) {
        this.insights = insights;
        this.alerts = alerts;
        this.nc = nc;
        this.catalog = catalog;
        this.executions = executions;
        this.http = http;
        this.serverId = serverId;
    }

    /** Connects to NATS, ensures streams and buckets, starts the event consumer, the reaper and the HTTP API. */
    public static ServerRole start(ServerConfig config) {
        return start(config, List.of());
    }

    /** As {@link #start(ServerConfig)}, with further route groups served by the same API (e.g. admin routes). */
    public static ServerRole start(ServerConfig config, List<RouteGroup> extraRoutes) {
        Connection nc = NatsConnections.connect(config.natsUrl(), config.serverId());
        ExecutionServices executions = null;
        AlertFeed alerts = null;
        try {
            JetStreamSetup.ensure(nc, config.names());
            Catalog catalog = new Catalog(nc, config.names());
            // the engine renders callback URLs, so the port must be known before the API starts
            int port = config.httpPort() == 0 ? freePort() : config.httpPort();
            String publicUrl = config.publicUrl() != null ? config.publicUrl() : "http://127.0.0.1:" + port;
            executions = new ExecutionServices(nc, config.names(), new EngineAdapter(Clock.systemUTC(), publicUrl),
                    catalog, config.lanes(), config.reaperInterval(), config.claimTimeout(), Clock.systemUTC());
            Insights insights = new Insights(new ServerExecutions(executions.runtime(), executions.events(), catalog),
                    new StoreAccess(), Insights.reasoner(config.insights()), config.insights(), Clock.systemUTC());
            alerts = new AlertFeed(nc, config.names());
            HttpApi http = new HttpApi(nc, catalog, executions, insights, alerts, extraRoutes)
                    .start(config.httpHost(), port);
            LOG.info("server {} started: http {}:{}, NATS {}, prefix '{}'", config.serverId(), config.httpHost(),
                    http.port(), config.natsUrl(), config.names().prefix());
            return new ServerRole(nc, catalog, executions, http, config.serverId(), insights, alerts);
        } catch (RuntimeException e) {
            if (alerts != null) {
                alerts.close();
            }
            if (executions != null) {
                executions.close();
            }
            closeQuietly(nc);
            throw e;
        }
    }

    /**
     * The insight engine behind the insight routes; attach the stores to {@code insights().stores()} once this
     * process can read them (the sink opened them, or the production stores are configured).
     */
    public Insights insights() {
        return insights;
    }

    /** The port the REST API listens on (resolved when the configured port was 0). */
    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() {
        http.close();
        alerts.close();
        executions.close();
        catalog.close();
        closeQuietly(nc);
        LOG.info("server {} stopped", serverId);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("find a free HTTP port", e);
        }
    }

    private static void closeQuietly(Connection nc) {
        try {
            nc.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.noetl.server;

import io.noetl.insights.InsightSettings;
import io.noetl.schemas.Names;
import io.noetl.schemas.settings.Env;
import java.time.Duration;
import java.util.Map;

/**
 * Server settings, parsed once at start-up from the environment.
 *
 * @param natsUrl        NATS server URL ({@code NATS_URL}, default {@code nats://127.0.0.1:4222})
 * @param httpHost       address the REST API binds ({@code NOETL_HTTP_HOST}, default {@code 127.0.0.1}: the API runs
 *                       shell and python on request and has no keys, so it answers only this machine unless told
 *                       otherwise, e.g. {@code 0.0.0.0} behind a network that is trusted)
 * @param httpPort       REST port ({@code NOETL_HTTP_PORT}, default 8080; 0 picks a free port)
 * @param serverId       this replica's id ({@code NOETL_SERVER_ID}, default a random id)
 * @param lanes          parallel event-processing lanes, partitioned by execution id ({@code NOETL_SERVER_LANES}, default 16)
 * @param reaperInterval how often stuck executions are looked for ({@code NOETL_REAPER_INTERVAL}, default 5s)
 * @param claimTimeout   an issued command not claimed by a worker within this is re-issued ({@code NOETL_CLAIM_TIMEOUT}, default 60s)
 * @param names          names on the wire ({@code NOETL_STREAM_PREFIX} prefixes them; empty in production)
 * @param publicUrl      base URL callers reach this server at ({@code NOETL_PUBLIC_URL}); null means
 *                       {@code http://127.0.0.1:<http port>}
 * @param insights       how the insight routes answer ({@code NOETL_FINGERPRINT_NEW}, ...)
 */
public record ServerConfig(
        String natsUrl,
        String httpHost,
        int httpPort,
        String serverId,
        int lanes,
        Duration reaperInterval,
        Duration claimTimeout,
        Names names,
        String publicUrl,
        InsightSettings insights) {

    /** The address the API binds when {@code NOETL_HTTP_HOST} is unset: this machine only. */
    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";

    public ServerConfig {
        if (natsUrl == null || natsUrl.isBlank()) {
            throw new IllegalArgumentException("NATS_URL must not be empty");
        }
        httpHost = httpHost == null || httpHost.isBlank() ? DEFAULT_HTTP_HOST : httpHost.strip();
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("NOETL_HTTP_PORT must be 0..65535, got " + httpPort);
        }
        if (lanes < 1 || lanes > 1024) {
            throw new IllegalArgumentException("NOETL_SERVER_LANES must be 1..1024, got " + lanes);
        }
        names = names == null ? Names.DEFAULT : names;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
        insights = insights == null ? InsightSettings.DEFAULTS : insights;
    }

    /** Settings on the default host, without an explicit public URL. */
    public ServerConfig(String natsUrl, int httpPort, String serverId, int lanes, Duration reaperInterval,
                        Duration claimTimeout, Names names) {
        this(natsUrl, DEFAULT_HTTP_HOST, httpPort, serverId, lanes, reaperInterval, claimTimeout, names, null, null);
    }

    /** @throws IllegalArgumentException naming the variable whose value is not accepted */
    public static ServerConfig fromEnv(Map<String, String> vars) {
        Env env = Env.of(vars);
        return new ServerConfig(
                env.natsUrl(),
                env.string("NOETL_HTTP_HOST", DEFAULT_HTTP_HOST),
                env.integer("NOETL_HTTP_PORT", 8080, 0, 65_535),
                env.string("NOETL_SERVER_ID", "server-" + Long.toHexString(System.nanoTime() & 0xFFFFFF)),
                env.integer("NOETL_SERVER_LANES", 16, 1, 1024),
                env.duration("NOETL_REAPER_INTERVAL", Duration.ofSeconds(5)),
                env.duration("NOETL_CLAIM_TIMEOUT", Duration.ofSeconds(60)),
                env.names(),
                env.optional("NOETL_PUBLIC_URL").orElse(null),
                InsightSettings.fromEnv(vars));
    }

    public ServerConfig withHttpPort(int port) {
        return new ServerConfig(natsUrl, httpHost, port, serverId, lanes, reaperInterval, claimTimeout, names,
                publicUrl, insights);
    }

    public ServerConfig withHttpHost(String host) {
        return new ServerConfig(natsUrl, host, httpPort, serverId, lanes, reaperInterval, claimTimeout, names,
                publicUrl, insights);
    }

    public ServerConfig withNames(Names newNames) {
        return new ServerConfig(natsUrl, httpHost, httpPort, serverId, lanes, reaperInterval, claimTimeout, newNames,
                publicUrl, insights);
    }

    public ServerConfig withNatsUrl(String url) {
        return new ServerConfig(url, httpHost, httpPort, serverId, lanes, reaperInterval, claimTimeout, names,
                publicUrl, insights);
    }

    public ServerConfig withReaperInterval(Duration interval) {
        return new ServerConfig(natsUrl, httpHost, httpPort, serverId, lanes, interval, claimTimeout, names,
                publicUrl, insights);
    }

    public ServerConfig withClaimTimeout(Duration timeout) {
        return new ServerConfig(natsUrl, httpHost, httpPort, serverId, lanes, reaperInterval, timeout, names,
                publicUrl, insights);
    }
}

package io.noetl.server;

import java.time.Duration;
import java.util.Map;

/**
 * Server settings, parsed once at start-up from the environment.
 *
 * @param natsUrl        NATS server URL ({@code NATS_URL}, default {@code nats://127.0.0.1:4222})
 * @param httpPort       REST port ({@code NOETL_HTTP_PORT}, default 8080; 0 picks a free port)
 * @param serverId       this replica's id ({@code NOETL_SERVER_ID}, default a random id)
 * @param lanes          parallel event-processing lanes, partitioned by execution id ({@code NOETL_SERVER_LANES}, default 16)
 * @param reaperInterval how often stuck executions are looked for ({@code NOETL_REAPER_INTERVAL}, default 5s)
 * @param claimTimeout   an issued command not claimed by a worker within this is re-issued ({@code NOETL_CLAIM_TIMEOUT}, default 60s)
 * @param names          names on the wire ({@code NOETL_STREAM_PREFIX} prefixes them; empty in production)
 * @param publicUrl      base URL callers reach this server at ({@code NOETL_PUBLIC_URL}); null means
 *                       {@code http://127.0.0.1:<http port>}
 */
public record ServerConfig(
        String natsUrl,
        int httpPort,
        String serverId,
        int lanes,
        Duration reaperInterval,
        Duration claimTimeout,
        io.noetl.schemas.Names names,
        String publicUrl) {

    public ServerConfig {
        if (natsUrl == null || natsUrl.isBlank()) {
            throw new IllegalArgumentException("NATS_URL must not be empty");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("NOETL_HTTP_PORT must be 0..65535, got " + httpPort);
        }
        if (lanes < 1 || lanes > 1024) {
            throw new IllegalArgumentException("NOETL_SERVER_LANES must be 1..1024, got " + lanes);
        }
        names = names == null ? io.noetl.schemas.Names.DEFAULT : names;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
    }

    /** Settings without an explicit public URL. */
    public ServerConfig(String natsUrl, int httpPort, String serverId, int lanes, Duration reaperInterval,
                        Duration claimTimeout, io.noetl.schemas.Names names) {
        this(natsUrl, httpPort, serverId, lanes, reaperInterval, claimTimeout, names, null);
    }

    public static ServerConfig fromEnv(Map<String, String> env) {
        return new ServerConfig(
                env.getOrDefault("NATS_URL", "nats://127.0.0.1:4222"),
                Integer.parseInt(env.getOrDefault("NOETL_HTTP_PORT", "8080")),
                env.getOrDefault("NOETL_SERVER_ID", "server-" + Long.toHexString(System.nanoTime() & 0xFFFFFF)),
                Integer.parseInt(env.getOrDefault("NOETL_SERVER_LANES", "16")),
                Duration.ofMillis(io.noetl.schemas.playbook.Durations.toMillis(env.getOrDefault("NOETL_REAPER_INTERVAL", "5s"))),
                Duration.ofMillis(io.noetl.schemas.playbook.Durations.toMillis(env.getOrDefault("NOETL_CLAIM_TIMEOUT", "60s"))),
                new io.noetl.schemas.Names(env.getOrDefault("NOETL_STREAM_PREFIX", "")),
                env.get("NOETL_PUBLIC_URL"));
    }

    public ServerConfig withHttpPort(int port) {
        return new ServerConfig(natsUrl, port, serverId, lanes, reaperInterval, claimTimeout, names, publicUrl);
    }

    public ServerConfig withNames(io.noetl.schemas.Names newNames) {
        return new ServerConfig(natsUrl, httpPort, serverId, lanes, reaperInterval, claimTimeout, newNames, publicUrl);
    }

    public ServerConfig withNatsUrl(String url) {
        return new ServerConfig(url, httpPort, serverId, lanes, reaperInterval, claimTimeout, names, publicUrl);
    }

    public ServerConfig withReaperInterval(Duration interval) {
        return new ServerConfig(natsUrl, httpPort, serverId, lanes, interval, claimTimeout, names, publicUrl);
    }

    public ServerConfig withClaimTimeout(Duration timeout) {
        return new ServerConfig(natsUrl, httpPort, serverId, lanes, reaperInterval, timeout, names, publicUrl);
    }
}

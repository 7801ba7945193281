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
 */
public record ServerConfig(
        String natsUrl,
        int httpPort,
        String serverId,
        int lanes,
        Duration reaperInterval,
        Duration claimTimeout,
        io.noetl.schemas.Names names) {

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
    }

    public static ServerConfig fromEnv(Map<String, String> env) {
        return new ServerConfig(
                env.getOrDefault("NATS_URL", "nats://127.0.0.1:4222"),
                Integer.parseInt(env.getOrDefault("NOETL_HTTP_PORT", "8080")),
                env.getOrDefault("NOETL_SERVER_ID", "server-" + Long.toHexString(System.nanoTime() & 0xFFFFFF)),
                Integer.parseInt(env.getOrDefault("NOETL_SERVER_LANES", "16")),
                Duration.ofMillis(io.noetl.schemas.playbook.Durations.toMillis(env.getOrDefault("NOETL_REAPER_INTERVAL", "5s"))),
                Duration.ofMillis(io.noetl.schemas.playbook.Durations.toMillis(env.getOrDefault("NOETL_CLAIM_TIMEOUT", "60s"))),
                new io.noetl.schemas.Names(env.getOrDefault("NOETL_STREAM_PREFIX", "")));
    }

    public ServerConfig withHttpPort(int port) {
        return new ServerConfig(natsUrl, port, serverId, lanes, reaperInterval, claimTimeout, names);
    }
}

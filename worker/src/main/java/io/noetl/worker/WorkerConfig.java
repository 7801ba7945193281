package io.noetl.worker;

import io.noetl.schemas.settings.Env;
import java.time.Duration;
import java.util.Map;

/**
 * Worker settings, parsed once at start-up from the environment.
 *
 * @param natsUrl        NATS server URL ({@code NATS_URL}, default {@code nats://127.0.0.1:4222})
 * @param pool           pool whose commands it runs ({@code NOETL_WORKER_POOL}, default {@code default})
 * @param workerId       id written into events ({@code NOETL_WORKER_ID}, default host + random suffix)
 * @param concurrency    commands run at once ({@code NOETL_WORKER_CONCURRENCY}, default 64)
 * @param ackWait        JetStream ack wait; a worker that dies mid-step has its command redelivered after it
 *                       ({@code NOETL_WORKER_ACK_WAIT}, default 30s)
 * @param defaultTimeout time limit for a tool whose step sets no {@code spec.timeout} ({@code NOETL_TOOL_TIMEOUT}, default 5m)
 * @param python         python interpreter for the python tool ({@code NOETL_PYTHON}, default {@code python3})
 * @param names          names on the wire ({@code NOETL_STREAM_PREFIX} prefixes them; empty in production)
 * @param env            the environment keychain {@code env} entries are resolved from
 */
public record WorkerConfig(
        String natsUrl,
        String pool,
        String workerId,
        int concurrency,
        Duration ackWait,
        Duration defaultTimeout,
        String python,
        io.noetl.schemas.Names names,
        Map<String, String> env) {

    public WorkerConfig {
        if (natsUrl == null || natsUrl.isBlank()) {
            throw new IllegalArgumentException("NATS_URL must not be empty");
        }
        if (pool == null || !pool.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("NOETL_WORKER_POOL must match [A-Za-z0-9_-]+, got '" + pool + "'");
        }
        if (concurrency < 1 || concurrency > 4096) {
            throw new IllegalArgumentException("NOETL_WORKER_CONCURRENCY must be 1..4096, got " + concurrency);
        }
        names = names == null ? io.noetl.schemas.Names.DEFAULT : names;
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    /** @throws IllegalArgumentException naming the variable whose value is not accepted */
    public static WorkerConfig fromEnv(Map<String, String> vars) {
        Env env = Env.of(vars);
        return new WorkerConfig(
                env.natsUrl(),
                env.string("NOETL_WORKER_POOL", "default"),
                env.string("NOETL_WORKER_ID", hostName() + "-" + Long.toHexString(System.nanoTime() & 0xFFFF)),
                env.integer("NOETL_WORKER_CONCURRENCY", 64, 1, 4096),
                env.duration("NOETL_WORKER_ACK_WAIT", Duration.ofSeconds(30)),
                env.duration("NOETL_TOOL_TIMEOUT", Duration.ofMinutes(5)),
                env.string("NOETL_PYTHON", "python3"),
                env.names(),
                vars);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "worker";
        }
    }
}

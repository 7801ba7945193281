package io.noetl.app.bench;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.noetl.app.client.NoetlClient;
import io.noetl.app.infra.EmbeddedNats;
import io.noetl.app.infra.Lifecycle;
import io.noetl.schemas.Names;
import io.noetl.schemas.nats.NatsConnections;
import io.noetl.server.ServerConfig;
import io.noetl.server.ServerRole;
import io.noetl.worker.WorkerConfig;
import io.noetl.worker.WorkerRole;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench engine}: in-process server + worker on NATS with a private stream prefix; prints a summary and, as
 * the last line, {@code steps_per_s=N issued_claimed_p50_ms=N issued_claimed_p99_ms=N raw_roundtrip_p50_ms=N}.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Engine throughput (noop steps/s) and command issued -> claimed latency.")
public final class EngineBenchCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    @Option(names = "--executions", defaultValue = "1000", description = "executions of the throughput run (default ${DEFAULT-VALUE})")
    private int executions;

    @Option(names = "--steps", defaultValue = "10", description = "noop steps per execution (default ${DEFAULT-VALUE})")
    private int steps;

    @Option(names = "--paced-seconds", defaultValue = "10", description = "length of the paced run (default ${DEFAULT-VALUE})")
    private double pacedSeconds;

    @Option(names = "--raw-samples", defaultValue = "2000", description = "raw round trips (default ${DEFAULT-VALUE})")
    private int rawSamples;

    public EngineBenchCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        if (executions < 1 || steps < 1 || rawSamples < 1 || pacedSeconds <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--executions, --steps, --raw-samples and --paced-seconds must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        String prefix = "bench" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL) + "_";
        try (Lifecycle life = new Lifecycle().closeOnShutdown()) {
            EmbeddedNats nats = life.add(EmbeddedNats.ensure(env));
            Map<String, String> roleEnv = new HashMap<>(env);
            roleEnv.put("NATS_URL", nats.url());
            roleEnv.put("NOETL_STREAM_PREFIX", prefix);
            roleEnv.put("NOETL_HTTP_PORT", "0");
            Connection nc = life.add(NatsConnections.connect(nats.url(), "noetl-bench"));
            life.add((AutoCloseable) () -> deleteStreams(nc, prefix));
            ServerRole server = life.add(ServerRole.start(ServerConfig.fromEnv(roleEnv)));
            life.add(WorkerRole.start(WorkerConfig.fromEnv(roleEnv)));
            out.println("NATS " + nats.url() + ", stream prefix " + prefix + ", API port " + server.httpPort());
            NoetlClient client = new NoetlClient("http://127.0.0.1:" + server.httpPort());
            BenchResult result = new EngineBench(client, nc, new Names(prefix), out)
                    .run(executions, steps, pacedSeconds, rawSamples);
            out.println(result.human());
            out.println(result.line());
            out.flush();
        }
        return 0;
    }

    /** Removes what the run left on a shared NATS: every stream (and KV bucket) under the private prefix. */
    private static void deleteStreams(Connection nc, String prefix) throws Exception {
        JetStreamManagement jsm = nc.jetStreamManagement();
        for (String stream : jsm.getStreamNames()) {
            if (stream.startsWith(prefix) || stream.startsWith("KV_" + prefix) || stream.startsWith("OBJ_" + prefix)) {
                jsm.deleteStream(stream);
            }
        }
    }
}

package io.noetl.app.bench.stream;

import io.nats.client.Connection;
import io.noetl.app.bench.BridgeBench;
import io.noetl.app.bench.BridgeBenchResult;
import io.noetl.app.bench.WorkDir;
import io.noetl.app.infra.EmbeddedKafka;
import io.noetl.app.infra.EmbeddedNats;
import io.noetl.app.infra.Lifecycle;
import io.noetl.connectors.bridge.BridgeSettings;
import io.noetl.schemas.Names;
import io.noetl.schemas.nats.NatsConnections;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench topology}: in one run on the embedded (or configured) broker, the full topology against a
 * pass-through Kafka Streams application on the same events, event → alert latency of injected latency spikes
 * under a paced load, and the event bridge against a raw JetStream consumer. Last line:
 * {@code topology_eps=N raw_eps=N ratio=N alert_p99_ms=N bridge_ratio=N}.
 */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "Topology throughput against a pass-through Streams app, alert latency, bridge ratio.")
public final class TopologyBenchCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", defaultValue = "1000000", description = "raw events (default ${DEFAULT-VALUE})")
    private long events;

    @Option(names = "--spikes", defaultValue = "20", description = "latency spikes injected (default ${DEFAULT-VALUE})")
    private int spikes;

    @Option(names = "--paced-seconds", defaultValue = "20",
            description = "length of the paced load during which spikes are injected (default ${DEFAULT-VALUE})")
    private int pacedSeconds;

    @Option(names = "--bridge-events", defaultValue = "100000",
            description = "events per bridge round (default ${DEFAULT-VALUE})")
    private int bridgeEvents;

    @Option(names = "--stream-threads", defaultValue = "1",
            description = "num.stream.threads of both the pass-through app and the topology (default ${DEFAULT-VALUE})")
    private int streamThreads;

    @Option(names = "--warmup-events", defaultValue = "0",
            description = "events both applications process once, on topics of their own, before the measured run "
                    + "(0: none, the measured run includes JIT warm-up; default ${DEFAULT-VALUE})")
    private long warmupEvents;

    public TopologyBenchCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        if (events < 1000 || spikes < 1 || pacedSeconds < 5 || bridgeEvents < 10 || streamThreads < 1
                || warmupEvents < 0) {
            throw new ParameterException(spec.commandLine(), "need --events >= 1000, --spikes >= 1, "
                    + "--paced-seconds >= 5, --bridge-events >= 10, --stream-threads >= 1 and --warmup-events >= 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        String prefix = "bench" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL) + "_";
        try (Lifecycle life = new Lifecycle().closeOnShutdown()) {
            Path stateDir = life.add(WorkDir.of(null, "noetl-bench-topology")).path();
            EmbeddedNats nats = life.add(EmbeddedNats.ensure(env));
            EmbeddedKafka kafka = life.add(EmbeddedKafka.ensure(env));
            out.println("Kafka " + kafka.bootstrapServers() + ", NATS " + nats.url() + ", prefix " + prefix);
            out.flush();
            if (warmupEvents > 0) {
                TopologyBench warm = new TopologyBench(kafka.bootstrapServers(), new Names(prefix + "w_"), stateDir,
                        out, streamThreads);
                life.add((AutoCloseable) warm::cleanUp);
                warm.warmUp(warmupEvents);
                warm.cleanUp();
            }
            TopologyBench bench = new TopologyBench(kafka.bootstrapServers(), new Names(prefix), stateDir, out,
                    streamThreads);
            life.add((AutoCloseable) bench::cleanUp);
            TopologyBench.Result topo = bench.run(events, spikes, Duration.ofSeconds(pacedSeconds));

            Connection nc = life.add(NatsConnections.connect(nats.url(), "noetl-bench"));
            BridgeBench bridge = new BridgeBench(nc, kafka.bootstrapServers(), new Names(prefix + "b_"), out);
            life.add((AutoCloseable) bridge::cleanUp);
            BridgeBenchResult bridged = bridge.run(bridgeEvents, BridgeSettings.defaults(kafka.bootstrapServers()));
            out.println(bridged.human());
            out.printf(Locale.ROOT, "topology: %,d events; pass-through %,.0f events/s, full topology %,.0f events/s "
                    + "(ratio %.2f); latency spikes alerted %d of %d, event -> alert p50 %.0f ms, p99 %.0f ms%n",
                    topo.events(), topo.passThroughEps(), topo.topologyEps(), topo.ratio(), topo.spikes().alerted(),
                    topo.spikes().injected(), topo.spikes().p50Ms(), topo.spikes().p99Ms());
            out.printf(Locale.ROOT, "topology_eps=%d raw_eps=%d ratio=%.3f alert_p99_ms=%.0f bridge_ratio=%.3f%n",
                    Math.round(topo.topologyEps()), Math.round(topo.passThroughEps()), topo.ratio(),
                    topo.spikes().p99Ms(), bridged.ratio());
            out.flush();
        }
        return 0;
    }
}

package io.noetl.app.bench;

import io.nats.client.Connection;
import io.noetl.app.infra.EmbeddedKafka;
import io.noetl.app.infra.EmbeddedNats;
import io.noetl.app.infra.Lifecycle;
import io.noetl.connectors.bridge.BridgeSettings;
import io.noetl.schemas.Names;
import io.noetl.schemas.nats.NatsConnections;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench bridge}: JetStream → Kafka bridge throughput against a raw JetStream pull consumer, on NATS and
 * Kafka as the app finds them (private ones when none is configured); prints each round and, as the last line,
 * {@code bridge_eps=N raw_eps=N bridge_ratio=N}.
 */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = "Event bridge (JetStream -> Kafka) throughput against a raw JetStream pull consumer.")
public final class BridgeBenchCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", defaultValue = "100000", description = "events per round (default ${DEFAULT-VALUE})")
    private int events;

    @Option(names = "--batch", defaultValue = "" + BridgeSettings.DEFAULT_FETCH_BATCH,
            description = "messages per JetStream pull, both consumers (default ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--compression", defaultValue = "none",
            description = "producer compression.type: none, lz4, zstd, snappy, gzip (default ${DEFAULT-VALUE})")
    private String compression;

    @Option(names = "--linger-ms", defaultValue = "20", description = "producer linger.ms (default ${DEFAULT-VALUE})")
    private int lingerMs;

    public BridgeBenchCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        if (events < 10 || batch < 1) {
            throw new ParameterException(spec.commandLine(), "--events must be at least 10 and --batch positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        String prefix = "bench" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL) + "_";
        try (Lifecycle life = new Lifecycle().closeOnShutdown()) {
            EmbeddedNats nats = life.add(EmbeddedNats.ensure(env));
            EmbeddedKafka kafka = life.add(EmbeddedKafka.ensure(env));
            Connection nc = life.add(NatsConnections.connect(nats.url(), "noetl-bench"));
            out.println("NATS " + nats.url() + ", Kafka " + kafka.bootstrapServers() + ", prefix " + prefix);
            out.flush();
            BridgeBench bench = new BridgeBench(nc, kafka.bootstrapServers(), new Names(prefix), out);
            life.add((AutoCloseable) bench::cleanUp);
            BridgeSettings defaults = BridgeSettings.defaults(kafka.bootstrapServers());
            BridgeBenchResult result = bench.run(events, defaults.withFetchBatch(batch)
                    .withProducerTuning(lingerMs, defaults.batchBytes(), compression));
            out.println(result.human());
            out.println(result.line());
            out.flush();
        }
        return 0;
    }
}

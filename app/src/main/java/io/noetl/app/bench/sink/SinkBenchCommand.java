package io.noetl.app.bench.sink;

import io.noetl.app.bench.WorkDir;
import io.noetl.app.infra.EmbeddedKafka;
import io.noetl.app.infra.Lifecycle;
import io.noetl.embedded.clickhouse.ClickHouseBinary;
import io.noetl.embedded.clickhouse.LocalClickHouseServer;
import io.noetl.schemas.Names;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.sink.analytics.AnalyticsStores;
import io.noetl.sink.analytics.clickhouse.ClickHouseAnalyticsStore;
import io.noetl.sink.analytics.clickhouse.ClickHouseSettings;
import io.noetl.sink.analytics.duckdb.DuckDbAnalyticsStore;
import io.noetl.sink.embed.Embedders;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.embed.TextNormalizer;
import io.noetl.sink.index.VectorIndex;
import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.embed.Embedder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * {@code bench sink}: the analytics path (Kafka → rows → store) against a raw batch insert of the same rows into the
 * same store, on the embedded store and on ClickHouse (a private {@code clickhouse-server} unless
 * {@code CLICKHOUSE_URL} names one; skipped when neither exists), and the vector path (embed with cache + upsert)
 * on failures drawn from few templates, through the configured embedder ({@code NOETL_EMBEDDER}, MiniLM by default;
 * {@code --embedder} overrides it), whose cost alone is printed first ({@link EmbedderCost}). Last line:
 * {@code sink_eps=N raw_eps=N ratio=N clickhouse_ratio=N vector_eps=N}.
 */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Sink throughput against a raw batch insert (embedded store and ClickHouse), and the vector path.")
public final class SinkBenchCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", defaultValue = "200000", paramLabel = "N",
            description = "events per measured run on the embedded store (default ${DEFAULT-VALUE})")
    private int events;

    @Option(names = "--clickhouse-events", defaultValue = "100000", paramLabel = "N",
            description = "events per measured run on ClickHouse; 0 skips ClickHouse (default ${DEFAULT-VALUE})")
    private int clickhouseEvents;

    @Option(names = "--vector-events", defaultValue = "50000", paramLabel = "N",
            description = "failure events of the vector run (default ${DEFAULT-VALUE})")
    private int vectorEvents;

    @Option(names = "--rounds", defaultValue = "3", description = "measured rounds per store; medians are reported "
            + "(default ${DEFAULT-VALUE})")
    private int rounds;

    @Option(names = "--batch", defaultValue = "2000", description = "records per batch, for the sink and the raw "
            + "insert alike (default ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--work", paramLabel = "DIR", description = "folder for the stores (default: a temporary folder, "
            + "deleted afterwards)")
    private Path work;

    @Option(names = "--embedder", paramLabel = "NAME",
            description = "embedder of the vector path: minilm, hashing or djl (default: NOETL_EMBEDDER, else minilm)")
    private String embedderName;

    @Option(names = "--model", paramLabel = "DIR",
            description = "for --embedder djl: folder with the TorchScript model (.pt) and tokenizer.json")
    private String model;

    public SinkBenchCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        if (events < 1000 || clickhouseEvents < 0 || (clickhouseEvents > 0 && clickhouseEvents < 1000)
                || vectorEvents < 100 || rounds < 1 || batch < 1) {
            throw new ParameterException(spec.commandLine(), "need --events >= 1000, --clickhouse-events 0 or "
                    + ">= 1000, --vector-events >= 100, --rounds >= 1 and --batch >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        String prefix = "bench" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL) + "_";
        // opened first so that a bad embedder setting stops the run before anything is measured
        long opening = System.nanoTime();
        Embedder embedder = BenchEmbedders.open(spec.commandLine(), embedderName, model, env);
        double loadMs = (System.nanoTime() - opening) / 1e6;
        try (Lifecycle life = new Lifecycle().closeOnShutdown()) {
            life.add(() -> Embedders.close(embedder));
            Path dir = life.add(WorkDir.of(work, "noetl-bench-sink")).path();
            EmbeddedKafka kafka = life.add(EmbeddedKafka.ensure(env));
            out.println("Kafka " + kafka.bootstrapServers() + ", prefix " + prefix + ", work " + dir);
            out.flush();
            SinkBench bench = new SinkBench(kafka.bootstrapServers(), prefix, batch);
            SinkBenchEvents generator = new SinkBenchEvents(42, 0.1);

            List<NormalizedEvent> sample = generator.events(events);
            Medians embedded;
            try (AnalyticsStore duck = DuckDbAnalyticsStore.open(AnalyticsStores.embeddedFile(dir))) {
                embedded = measure("embedded (DuckDB)", bench, duck, sample, out);
            }

            String clickhouse = "NA";
            if (clickhouseEvents > 0) {
                clickhouse = clickhouse(bench, generator.events(clickhouseEvents), dir, life, out);
            }

            double vectorEps;
            List<NormalizedEvent> failures = generator.failures(vectorEvents);
            try (EmbeddedVectorStore store = EmbeddedVectorStore.open(dir.resolve("vectors"))) {
                out.println(EmbedderCost.measure(embedder, loadMs).line());
                out.flush();
                Embeddings embeddings = new Embeddings(embedder, new TextNormalizer(), Embeddings.DEFAULT_CACHE_SIZE);
                VectorIndex index = new VectorIndex(store, embeddings, new Names(prefix + "v_"));
                bench.vectorsThroughSink(index, failures.subList(0, Math.min(failures.size(), 2000)));
                vectorEps = bench.vectorsThroughSink(index, failures);
                out.printf(Locale.ROOT, "vectors (embedded HNSW, %s): %,d failure events, %,.0f events/s; %,d "
                        + "distinct texts embedded, %,d cache hits over both runs%n", embeddings.embedderId(),
                        failures.size(), vectorEps, embeddings.cacheMisses(), embeddings.cacheHits());
            }
            out.printf(Locale.ROOT, "sink_eps=%d raw_eps=%d ratio=%.3f clickhouse_ratio=%s vector_eps=%d%n",
                    Math.round(embedded.sinkEps()), Math.round(embedded.rawEps()), embedded.ratio(), clickhouse,
                    Math.round(vectorEps));
            out.flush();
        }
        return 0;
    }

    private String clickhouse(SinkBench bench, List<NormalizedEvent> sample, Path dir, Lifecycle life,
            PrintWriter out) throws Exception {
        String url = env.get(AnalyticsStores.CLICKHOUSE_URL);
        ClickHouseSettings settings;
        if (url != null && !url.isBlank()) {
            settings = AnalyticsStores.clickHouseSettings(env).withDatabase("noetl_bench");
        } else {
            Path binary;
            try {
                binary = ClickHouseBinary.resolve(env);
            } catch (IllegalStateException e) {
                out.println("clickhouse: skipped (" + e.getMessage() + ")");
                return "NA";
            }
            LocalClickHouseServer server = life.add(LocalClickHouseServer.open(binary, dir.resolve("clickhouse")));
            settings = ClickHouseSettings.of(server.url(), ClickHouseSettings.DEFAULT_USER, "", "noetl_bench");
        }
        try (AnalyticsStore store = ClickHouseAnalyticsStore.open(settings)) {
            Medians m = measure("ClickHouse", bench, store, sample, out);
            return String.format(Locale.ROOT, "%.3f", m.ratio());
        }
    }

    /** Medians over the rounds (after one warm-up round on a tenth of the events). */
    record Medians(double sinkEps, double rawEps, double ratio) {
    }

    private Medians measure(String label, SinkBench bench, AnalyticsStore store, List<NormalizedEvent> sample,
            PrintWriter out) throws Exception {
        bench.analyticsRound(store, sample.subList(0, Math.max(1000, sample.size() / 10)), true);
        List<SinkBench.Round> measured = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            SinkBench.Round round = bench.analyticsRound(store, sample, r % 2 == 0);
            measured.add(round);
            out.printf(Locale.ROOT, "%s round %d: %,d events, sink %,.0f events/s, raw insert %,.0f events/s "
                    + "(ratio %.2f)%n", label, r + 1, sample.size(), round.sinkEps(), round.rawEps(), round.ratio());
            out.flush();
        }
        Medians m = new Medians(median(measured.stream().mapToDouble(SinkBench.Round::sinkEps).toArray()),
                median(measured.stream().mapToDouble(SinkBench.Round::rawEps).toArray()),
                median(measured.stream().mapToDouble(SinkBench.Round::ratio).toArray()));
        out.printf(Locale.ROOT, "%s: median sink %,.0f events/s, raw insert %,.0f events/s, ratio %.3f%n", label,
                m.sinkEps(), m.rawEps(), m.ratio());
        out.flush();
        return m;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}

package io.noetl.app.bench.insights;

import io.noetl.app.bench.WorkDir;
import io.noetl.insights.Insights;
import io.noetl.insights.StoreAccess;
import io.noetl.schemas.Names;
import io.noetl.sink.analytics.AnalyticsStores;
import io.noetl.sink.embed.Embedders;
import io.noetl.sink.index.SinkIndexes;
import io.noetl.sink.index.StoreSettings;
import io.noetl.sink.vector.VectorStores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench insights}: loads a synthetic history into fresh embedded stores (DuckDB analytics, embedded vectors,
 * the embedder {@code NOETL_EMBEDDER} names), then has concurrent clients ask the insight engine (extractive
 * reasoner) for diagnoses, similar failures, playbook insights and searches, and reports latency per operation. The
 * figures are the engine's and the stores' (no HTTP, no NATS). Last line:
 * {@code diagnosis_p99_ms=N similar_p99_ms=N insights_p99_ms=N search_p99_ms=N}.
 */
@Command(name = "insights", mixinStandardHelpOptions = true,
        description = "Insight latency (diagnosis, similar, playbook insights, search) over a synthetic history.")
public final class InsightsBenchCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", defaultValue = "1000000", paramLabel = "N",
            description = "events of the synthetic history (default ${DEFAULT-VALUE})")
    private int events;

    @Option(names = "--clients", defaultValue = "8", paramLabel = "N",
            description = "concurrent clients (default ${DEFAULT-VALUE})")
    private int clients;

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "S",
            description = "length of the measured run (default ${DEFAULT-VALUE})")
    private double seconds;

    @Option(names = "--warmup-seconds", defaultValue = "15", paramLabel = "S",
            description = "length of the warm-up run, not measured (default ${DEFAULT-VALUE})")
    private double warmupSeconds;

    @Option(names = "--sample", defaultValue = "2000", paramLabel = "N",
            description = "executions with errors the engine can read, as the server's (default ${DEFAULT-VALUE})")
    private int sample;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the history and the clients "
            + "(default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--work", paramLabel = "DIR", description = "folder for the stores (default: a temporary folder, "
            + "deleted afterwards)")
    private Path work;

    public InsightsBenchCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        if (events < 1000 || clients < 1 || clients > 256 || seconds <= 0 || warmupSeconds < 0 || sample < 1) {
            throw new ParameterException(spec.commandLine(), "need --events >= 1000, --clients 1..256, --seconds > 0, "
                    + "--warmup-seconds >= 0 and --sample >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<SyntheticPlaybooks.Profile> playbooks = SyntheticPlaybooks.all(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (WorkDir dir = WorkDir.of(work, "noetl-bench-insights");
                SinkIndexes indexes = SinkIndexes.open(new StoreSettings(dir.path(), Embedders.settings(env),
                        VectorStores.Settings.embedded(), AnalyticsStores.Settings.embedded()), Names.DEFAULT)) {
            out.printf(Locale.ROOT, "stores: DuckDB %s, embedded vectors, embedder %s (%d-d); %d playbooks x 5 "
                    + "steps%n", AnalyticsStores.embeddedFile(dir.path()), indexes.vectors().embeddings().embedderId(),
                    indexes.vectors().embeddings().dimension(), playbooks.size());
            out.flush();
            SampleSource source = new SampleSource(sample, seed, playbooks);
            History.Loaded loaded;
            try (StoreLoader loader = new StoreLoader(indexes, Names.DEFAULT)) {
                loaded = History.load(playbooks, events, seed, now, loader, source, out);
            }
            out.println(loaded.human());
            out.println("stores hold: " + indexes.summary());
            StoreAccess stores = new StoreAccess();
            stores.attach(new StoreAccess.Stores(indexes.vectors().store(), indexes.vectors().embeddings(),
                    indexes.analytics().store()));
            Workload workload = new Workload(source.ids(), source.paths(), now);
            LoadRun run = new LoadRun(Insights.extractive(source, stores), workload, clients, seed);
            out.printf(Locale.ROOT, "%d clients over %,d sampled executions with errors and %d playbooks: "
                    + "warm-up %.0f s, then %.0f s measured%n", clients, workload.ids().size(), workload.paths().size(),
                    warmupSeconds, seconds);
            out.flush();
            if (warmupSeconds > 0) {
                run.run(Duration.ofMillis(Math.round(warmupSeconds * 1000)));
            }
            LoadRun.Measured m = run.run(Duration.ofMillis(Math.round(seconds * 1000)));
            return report(m, out);
        }
    }

    private static int report(LoadRun.Measured m, PrintWriter out) {
        out.printf(Locale.ROOT, "%-10s %8s %7s %9s %9s %9s %9s%n", "operation", "calls", "errors", "p50_ms",
                "p99_ms", "max_ms", "calls/s");
        long errors = 0;
        long total = 0;
        for (OperationStats s : m.stats().values()) {
            out.println(s.row(m.seconds()));
            errors += s.errors();
            total += s.answered();
        }
        out.printf(Locale.ROOT, "all: %,.1f calls/s; the process used %.1f s of CPU in %.1f s (%.2f ms per call) "
                + "on %d processors; machine load average %.1f at the start, %.1f at the end%n", total / m.seconds(),
                m.cpuSeconds(), m.seconds(), 1000 * m.cpuSeconds() / Math.max(1, total),
                Runtime.getRuntime().availableProcessors(), m.loadBefore(), m.loadAfter());
        m.stats().values().forEach(s -> out.println(s.facts()));
        m.stats().values().stream().filter(s -> s.errors() > 0).forEach(s -> out.println("errors of " + s.label()
                + ": " + s.errors() + ", first: " + s.firstError()));
        Map<Operation, OperationStats> s = m.stats();
        out.printf(Locale.ROOT, "diagnosis_p99_ms=%.2f similar_p99_ms=%.2f insights_p99_ms=%.2f "
                + "search_p99_ms=%.2f%n", s.get(Operation.DIAGNOSIS).percentileMs(99),
                s.get(Operation.SIMILAR).percentileMs(99), s.get(Operation.INSIGHTS).percentileMs(99),
                s.get(Operation.SEARCH).percentileMs(99));
        out.flush();
        boolean silent = s.values().stream().anyMatch(x -> x.answered() == 0);
        return errors > 0 || silent ? 1 : 0;
    }
}

package io.noetl.app.bench.sink;

import io.noetl.app.bench.WorkDir;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.vector.embedded.EmbeddedStoreOptions;
import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.stores.vector.VectorStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench search}: embedded vector search latency and recall@10 against exact search, over vectors of synthetic
 * error texts from the default embedder. Last line: {@code recall_at_10=N p50_ms=N p99_ms=N}.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Vector search latency (p50/p99) and recall@10 against exact search.")
public final class SearchBenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--points", defaultValue = "200000", paramLabel = "N",
            description = "points to index (default: ${DEFAULT-VALUE})")
    private int points;

    @Option(names = "--queries", defaultValue = "1000", paramLabel = "N",
            description = "timed queries, each checked against exact search (default: ${DEFAULT-VALUE})")
    private int queries;

    @Option(names = "--candidates", defaultValue = "" + EmbeddedStoreOptions.DEFAULT_CANDIDATES, paramLabel = "K",
            description = "neighbours the HNSW search collects before keeping the best 10 (default: ${DEFAULT-VALUE})")
    private int candidates;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the synthetic texts (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--work", paramLabel = "DIR",
            description = "folder for the vector store (default: a temporary folder, deleted at the end)")
    private Path work;

    /** For picocli. */
    public SearchBenchCommand() {
    }

    @Override
    public Integer call() throws IOException {
        if (points < SearchBench.K || points > 10_000_000) {
            throw new ParameterException(spec.commandLine(), "--points must be 10..10000000, got " + points);
        }
        if (queries < 1 || queries > 100_000) {
            throw new ParameterException(spec.commandLine(), "--queries must be 1..100000, got " + queries);
        }
        if (candidates < SearchBench.K || candidates > 10_000) {
            throw new ParameterException(spec.commandLine(), "--candidates must be 10..10000, got " + candidates);
        }
        PrintWriter out = spec.commandLine().getOut();
        Embeddings embeddings = Embeddings.defaults();
        SearchBench.Result r;
        try (WorkDir dir = WorkDir.of(work, "noetl-search");
                VectorStore store = new EmbeddedVectorStore(
                        EmbeddedStoreOptions.defaults(dir.path()).withCandidates(candidates))) {
            r = SearchBench.run(points, queries, seed, embeddings, store, out);
        }
        out.printf(Locale.ROOT, "points=%d embed_s=%.1f index_s=%.1f index_points_per_s=%.0f distinct_texts=%d%n",
                r.points(), r.embedMs() / 1e3, r.indexMs() / 1e3, r.points() * 1000.0 / Math.max(1, r.indexMs()),
                embeddings.cacheMisses());
        out.printf(Locale.ROOT, "queries=%d candidates=%d id_recall_at_10=%.4f%n", r.queries(), candidates,
                r.idRecall());
        out.printf(Locale.ROOT, "recall_at_10=%.4f p50_ms=%.3f p99_ms=%.3f%n", r.recall(), r.p50Ms(), r.p99Ms());
        out.flush();
        return 0;
    }
}

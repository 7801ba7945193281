package io.noetl.app.bench.sink;

import io.noetl.app.bench.WorkDir;
import io.noetl.sink.embed.Embedders;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.embed.TextNormalizer;
import io.noetl.sink.vector.VectorStores;
import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.stores.embed.Embedder;
import io.noetl.stores.vector.VectorStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code bench retrieval}: similar-failure retrieval quality on every Loghub structured CSV in a folder, through the
 * configured embedder ({@code NOETL_EMBEDDER}/{@code NOETL_EMBEDDER_MODEL}, MiniLM by default; {@code --embedder}
 * and {@code --model} override it) and the configured vector store ({@code NOETL_VECTOR_STORE}: the embedded store in
 * the work folder by default, or Qdrant). Prints one line per set and, last, {@code precision_at_10=N} (the mean over
 * sets).
 */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = "Similar-failure retrieval precision@10 on Loghub-2k structured CSVs.")
public final class RetrievalBenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "folder of Loghub *_structured.csv files (columns Content and EventId)")
    private Path data;

    @Option(names = "--work", paramLabel = "DIR",
            description = "folder for the vector store (default: a temporary folder, deleted at the end)")
    private Path work;

    @Option(names = "--embedder", paramLabel = "NAME",
            description = "minilm, hashing or djl (default: NOETL_EMBEDDER, else minilm)")
    private String embedderName;

    @Option(names = "--model", paramLabel = "DIR",
            description = "for --embedder djl: folder with the TorchScript model (.pt) and tokenizer.json")
    private String model;

    private final Map<String, String> env;

    /** With no configuration: the MiniLM embedder and the embedded store unless the options say otherwise. */
    public RetrievalBenchCommand() {
        this(Map.of());
    }

    /** @param env the configuration (embedder and vector store variables) */
    public RetrievalBenchCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(data)) {
            throw new ParameterException(spec.commandLine(), "--data: not a folder: " + data);
        }
        List<LoghubSet> sets;
        try {
            sets = LoghubSet.readAll(data);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--data: " + e.getMessage());
        }
        if (sets.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--data: no *" + LoghubSet.SUFFIX + " file in " + data);
        }
        PrintWriter out = spec.commandLine().getOut();
        Embedder embedder = embedder();
        Embeddings embeddings = new Embeddings(embedder, new TextNormalizer(), Embeddings.DEFAULT_CACHE_SIZE);
        double sum = 0;
        try (WorkDir dir = WorkDir.of(work, "noetl-retrieval");
                VectorStore store = vectorStore(dir.path())) {
            for (LoghubSet set : sets) {
                RetrievalBench.SetResult r = RetrievalBench.run(set, embeddings, store);
                sum += r.precision();
                out.printf(Locale.ROOT, "set=%s lines=%d queries=%d precision_at_10=%.4f ms=%d%n", r.name(),
                        r.lines(), r.queries(), r.precision(), r.millis());
                out.flush();
            }
        } finally {
            Embedders.close(embedder);
        }
        out.printf(Locale.ROOT, "sets=%d embedder=%s cache_hits=%d cache_misses=%d%n", sets.size(),
                embeddings.embedderId(), embeddings.cacheHits(), embeddings.cacheMisses());
        out.printf(Locale.ROOT, "precision_at_10=%.4f%n", sum / sets.size());
        out.flush();
        return 0;
    }

    /** The configured vector store; the embedded one lives in the work folder. */
    private VectorStore vectorStore(Path workDir) {
        try {
            VectorStores.Settings settings = VectorStores.settings(env);
            return settings.kind() == VectorStores.Kind.EMBEDDED ? EmbeddedVectorStore.open(workDir)
                    : VectorStores.open(settings, workDir);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Embedder embedder() {
        return BenchEmbedders.open(spec.commandLine(), embedderName, model, env);
    }
}

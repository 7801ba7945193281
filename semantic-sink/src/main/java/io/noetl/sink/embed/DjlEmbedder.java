package io.noetl.sink.embed;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.noetl.stores.embed.Embedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Embedder} backed by a sentence-transformer run by DJL on PyTorch: a TorchScript model ({@code <name>.pt})
 * and its HuggingFace {@code tokenizer.json} in one directory, with optional {@link DjlModelSettings settings}.
 * Texts are tokenized, run through the model in batches, mean-pooled over the attention mask and L2-normalized, by
 * DJL's {@code TextEmbeddingTranslator} (see {@link SentenceTranslatorFactory}).
 *
 * <p>A DJL model-zoo or web location ({@code djl://…}, {@code https://…}) is accepted when DJL may download
 * ({@code ai.djl.offline=false}); offline, which is the default, it fails with an error saying so.
 *
 * <p>Thread-safe: each call borrows a predictor from a pool (a predictor is single-threaded; the pool grows to the
 * number of concurrent callers). {@link #close()} releases the model and the tokenizer.
 */
public final class DjlEmbedder implements Embedder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DjlEmbedder.class);

    private final String location;
    private final ZooModel<String, float[]> model;
    private final Deque<Predictor<String, float[]>> idle = new ConcurrentLinkedDeque<>();
    private final String id;
    private final int dimension;
    private final int batchSize;
    private volatile boolean closed;

    private DjlEmbedder(String location, String name, ZooModel<String, float[]> model, DjlModelSettings settings) {
        this.location = location;
        this.model = model;
        this.dimension = run(List.of("")).getFirst().length;
        if (settings.dimension() != 0 && settings.dimension() != dimension) {
            closeIdle();
            throw new IllegalArgumentException(DjlModelSettings.FILE_NAME + " of " + location + " declares dimension "
                    + settings.dimension() + " but the model gives vectors of " + dimension);
        }
        this.batchSize = settings.batchSize();
        // v2: pooling and normalization by DJL's translator (float precision); a new id marks indexes built before
        this.id = "djl-v2-" + name + "-" + dimension;
    }

    /**
     * Loads a model directory.
     *
     * @param modelDir directory holding {@code <name>.pt} and {@code tokenizer.json}
     * @param workDir  data directory for DJL's cache (see {@link DjlRuntime}), or null for {@code java.io.tmpdir}
     */
    public static DjlEmbedder open(Path modelDir, Path workDir) {
        DjlRuntime.configure(workDir);
        Path dir = modelDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("embedding model directory " + dir + " does not exist");
        }
        if (!Files.isRegularFile(dir.resolve(SentenceTranslatorFactory.TOKENIZER_FILE))) {
            throw new IllegalArgumentException("embedding model directory " + dir + " has no "
                    + SentenceTranslatorFactory.TOKENIZER_FILE);
        }
        String modelName = modelName(dir, DjlModelSettings.read(dir));
        Criteria.Builder<String, float[]> criteria = criteria().optModelPath(dir).optModelName(modelName);
        return load(dir.toString(), dir.getFileName().toString(), criteria);
    }

    /**
     * Loads a model from a directory path or a DJL location ({@code djl://…}, {@code https://…}, {@code file:…}).
     *
     * @param location directory or URL
     * @param workDir  data directory for DJL's cache, or null for {@code java.io.tmpdir}
     */
    public static DjlEmbedder open(String location, Path workDir) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("embedding model location must not be blank");
        }
        String trimmed = location.strip();
        if (!trimmed.contains("://")) {
            return open(Path.of(trimmed), workDir);
        }
        DjlRuntime.configure(workDir);
        if (DjlRuntime.offline() && !trimmed.startsWith("file:")) {
            throw new IllegalStateException("cannot fetch embedding model " + trimmed + ": DJL runs offline ("
                    + DjlRuntime.OFFLINE + "=true), so nothing is downloaded; put the model (.pt and "
                    + SentenceTranslatorFactory.TOKENIZER_FILE + ") in a local directory and use that instead, or "
                    + "run with -D" + DjlRuntime.OFFLINE + "=false where the network allows");
        }
        return load(trimmed, lastSegment(trimmed), criteria().optModelUrls(trimmed));
    }

    private static Criteria.Builder<String, float[]> criteria() {
        return Criteria.builder()
                .setTypes(String.class, float[].class)
                .optEngine(DjlRuntime.ENGINE);
    }

    private static DjlEmbedder load(String location, String name, Criteria.Builder<String, float[]> criteria) {
        SentenceTranslatorFactory translators = new SentenceTranslatorFactory();
        ZooModel<String, float[]> model;
        try {
            model = criteria.optTranslatorFactory(translators).build().loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException e) {
            throw new IllegalStateException("load embedding model " + location + ": " + e.getMessage(), e);
        }
        try {
            DjlEmbedder embedder = new DjlEmbedder(location, name, model, translators.settings());
            LOG.info("Loaded embedding model {} as {} (dimension {})", location, embedder.id, embedder.dimension);
            return embedder;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static String modelName(Path dir, DjlModelSettings settings) {
        if (settings.modelName() != null) {
            if (!Files.isRegularFile(dir.resolve(settings.modelName() + ".pt"))) {
                throw new IllegalArgumentException("embedding model directory " + dir + " has no "
                        + settings.modelName() + ".pt (named by " + DjlModelSettings.FILE_NAME + ")");
            }
            return settings.modelName();
        }
        List<String> models;
        try (Stream<Path> files = Files.list(dir)) {
            models = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pt")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("list embedding model directory " + dir + ": " + e.getMessage(), e);
        }
        if (models.size() != 1) {
            throw new IllegalArgumentException("embedding model directory " + dir + " must hold exactly one "
                    + "TorchScript model (*.pt), found " + models + "; name one with model= in "
                    + DjlModelSettings.FILE_NAME);
        }
        return models.getFirst().substring(0, models.getFirst().length() - 3);
    }

    private static String lastSegment(String url) {
        String path = url.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.replaceAll("\\.(zip|tar|tgz|gz)$", "").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embed(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text to embed must not be null");
        }
        return run(List.of(text)).getFirst();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<String> chunk = texts.subList(from, Math.min(texts.size(), from + batchSize));
            for (String text : chunk) {
                if (text == null) {
                    throw new IllegalArgumentException("texts to embed must not contain null");
                }
            }
            out.addAll(run(chunk));
        }
        return out;
    }

    private List<float[]> run(List<String> texts) {
        if (closed) {
            throw new IllegalStateException("embedding model " + location + " is closed");
        }
        Predictor<String, float[]> predictor = idle.pollFirst();
        if (predictor == null) {
            predictor = model.newPredictor();
        }
        try {
            return predictor.batchPredict(texts);
        } catch (TranslateException e) {
            throw new IllegalStateException("embed " + texts.size() + " texts with model " + location + ": "
                    + e.getMessage(), e);
        } finally {
            idle.offerFirst(predictor);
            if (closed) {
                closeIdle();
            }
        }
    }

    private void closeIdle() {
        Predictor<String, float[]> p;
        while ((p = idle.pollFirst()) != null) {
            p.close();
        }
    }

    /** Releases the predictors, the model and the tokenizer (which belongs to the model); later calls fail. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeIdle();
        model.close();
    }
}

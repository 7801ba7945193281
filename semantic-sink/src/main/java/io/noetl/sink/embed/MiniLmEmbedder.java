package io.noetl.sink.embed;

import io.noetl.stores.embed.Embedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The default {@link Embedder}: the sentence-transformer all-MiniLM-L6-v2 (quantized to 8 bits, ONNX, 384
 * dimensions), bundled with its tokenizer in a Maven jar, so nothing is downloaded. It places paraphrases near each
 * other ("connection refused to db:5432" near "could not connect to postgres at db port 5432"), at the cost of a
 * few milliseconds per text and about a second to load.
 *
 * <p>The model is loaded once per process and shared by every instance ({@link MiniLmModel}); it is closed when the
 * last instance is. A batch ({@link #embedAll}) is spread over the model's threads, one text per model call; the
 * vectors are mean-pooled over the tokens and L2-normalized. A blank text is embedded as the word {@value #BLANK}
 * (the model has no token to pool otherwise). Thread-safe.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {

    /** The id of the vectors this embedder makes. */
    public static final String ID = "minilm-l6-v2-q-" + MiniLmModel.DIMENSION;
    /** What a blank text is embedded as. */
    static final String BLANK = "empty";

    private final MiniLmModel model;
    private volatile boolean closed;

    private MiniLmEmbedder(MiniLmModel model) {
        this.model = model;
    }

    /**
     * @param workDir data directory of the process (the tokenizer's native library is unpacked under
     *                {@code workDir/djl-cache}), or null for {@code java.io.tmpdir}
     * @return an embedder on the process's model, loading it if no other embedder holds it
     * @throws IllegalStateException when the model cannot be loaded
     */
    public static MiniLmEmbedder open(Path workDir) {
        DjlRuntime.configure(workDir);
        return new MiniLmEmbedder(MiniLmModel.acquire());
    }

    /** @return how long loading the process's model took, in milliseconds */
    public long loadMillis() {
        return model.loadMillis();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int dimension() {
        return MiniLmModel.DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (closed) {
            throw new IllegalStateException("embedder " + ID + " is closed");
        }
        List<String> inputs = new ArrayList<>(texts.size());
        for (String text : texts) {
            if (text == null) {
                throw new IllegalArgumentException("texts to embed must not contain null");
            }
            inputs.add(text.isBlank() ? BLANK : text);
        }
        if (inputs.isEmpty()) {
            return List.of();
        }
        List<float[]> vectors;
        try {
            vectors = model.vectors(inputs);
        } catch (RuntimeException e) {
            throw new IllegalStateException("embed " + inputs.size() + " texts with " + ID + ": " + e.getMessage(),
                    e);
        }
        List<float[]> out = new ArrayList<>(vectors.size());
        for (float[] v : vectors) {
            out.add(unit(v));
        }
        return out;
    }

    /** Re-normalizes in double precision (the model normalizes in float) and refuses what is not a vector. */
    private static float[] unit(float[] v) {
        if (v.length != MiniLmModel.DIMENSION) {
            throw new IllegalStateException(ID + " gave a vector of " + v.length + " components");
        }
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalStateException(ID + " gave a vector that cannot be normalized (squared norm " + sum + ")");
        }
        double inv = 1.0 / Math.sqrt(sum);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * inv);
        }
        return out;
    }

    /** Gives the model back; the last embedder of the process closes it. Later calls fail. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        MiniLmModel.release(model);
    }
}

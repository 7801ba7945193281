package io.noetl.sink.embed;

import ai.djl.huggingface.translator.TextEmbeddingTranslator;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * DJL's {@link TextEmbeddingTranslator} with what it does not do: pooling {@code none} (the model already gives one
 * vector per text: each is only L2-normalized), a check that the model's output has the rank the pooling needs
 * (naming the setting to change), and a check that every vector is a finite unit vector (an all-zero output becomes
 * the first axis rather than a zero vector no store accepts).
 */
final class SentenceTranslator implements Translator<String, float[]> {

    private final TextEmbeddingTranslator embeddings;
    private final DjlModelSettings.Pooling pooling;

    SentenceTranslator(TextEmbeddingTranslator embeddings, DjlModelSettings.Pooling pooling) {
        this.embeddings = embeddings;
        this.pooling = pooling;
    }

    @Override
    public Batchifier getBatchifier() {
        return embeddings.getBatchifier();
    }

    @Override
    public void prepare(TranslatorContext ctx) throws Exception {
        embeddings.prepare(ctx);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, String text) {
        return embeddings.processInput(ctx, text);
    }

    @Override
    public NDList batchProcessInput(TranslatorContext ctx, List<String> texts) {
        return embeddings.batchProcessInput(ctx, texts);
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList output) {
        return batchProcessOutput(ctx, output).getFirst();
    }

    @Override
    public List<float[]> batchProcessOutput(TranslatorContext ctx, NDList output) {
        NDArray tokens = output.get("last_hidden_state");
        if (tokens == null) {
            tokens = output.head();
        }
        List<float[]> vectors;
        if (pooling == DjlModelSettings.Pooling.NONE) {
            requireRank(tokens, 2);
            vectors = rows(tokens.toType(DataType.FLOAT32, false).normalize(2, -1));
        } else {
            requireRank(tokens, 3);
            vectors = embeddings.batchProcessOutput(ctx, output);
        }
        vectors.forEach(SentenceTranslator::checkUnit);
        return vectors;
    }

    private static List<float[]> rows(NDArray matrix) {
        int rows = Math.toIntExact(matrix.size(0));
        float[] all = matrix.toFloatArray();
        int dim = all.length / rows;
        List<float[]> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            out.add(Arrays.copyOfRange(all, r * dim, (r + 1) * dim));
        }
        return out;
    }

    private void requireRank(NDArray array, int rank) {
        if (array.getShape().dimension() != rank) {
            throw new IllegalStateException("pooling " + pooling.name().toLowerCase(Locale.ROOT)
                    + " needs a model output of rank " + rank + ", got shape " + array.getShape()
                    + " (set pooling in " + DjlModelSettings.FILE_NAME + ")");
        }
    }

    /** Fails on non-finite values; turns an all-zero vector into the first axis. */
    private static void checkUnit(float[] v) {
        boolean zero = true;
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw new IllegalStateException("the embedding model produced non-finite values");
            }
            zero &= x == 0;
        }
        if (zero && v.length > 0) {
            // an all-zero output still has to be a valid unit vector
            v[0] = 1.0f;
        }
    }
}

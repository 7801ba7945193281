package io.noetl.sink.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs a batch of texts through a sentence-transformer: tokenizes them with the model's {@code tokenizer.json}
 * (truncated to {@code max_length}, padded to the longest text or to {@code max_length}), feeds
 * {@code input_ids}, {@code attention_mask} (and {@code token_type_ids} when the settings say so) as one batch, then
 * pools the token embeddings and L2-normalizes each vector. The tokenizer and settings are read from the model's
 * directory when the first predictor is prepared, so a model fetched from a URL is handled like a local one.
 * Thread-safe: the tokenizer is shared, every call has its own context.
 */
final class SentenceEncoderTranslator implements NoBatchifyTranslator<String[], float[][]>, AutoCloseable {

    static final String TOKENIZER_FILE = "tokenizer.json";

    private volatile DjlModelSettings settings;
    private volatile HuggingFaceTokenizer tokenizer;

    @Override
    public void prepare(TranslatorContext ctx) throws IOException {
        if (tokenizer == null) {
            load(ctx.getModel().getModelPath());
        }
    }

    private synchronized void load(Path modelDir) throws IOException {
        if (tokenizer != null) {
            return;
        }
        Path file = modelDir.resolve(TOKENIZER_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("embedding model directory " + modelDir + " has no " + TOKENIZER_FILE);
        }
        DjlModelSettings s = DjlModelSettings.read(modelDir);
        HuggingFaceTokenizer.Builder builder = HuggingFaceTokenizer.builder()
                .optTokenizerPath(file)
                .optAddSpecialTokens(true)
                .optTruncation(true)
                .optMaxLength(s.maxLength());
        if (s.padToMaxLength()) {
            builder.optPadToMaxLength();
        } else {
            builder.optPadding(true);
        }
        settings = s;
        tokenizer = builder.build();
    }

    @Override
    public NDList processInput(TranslatorContext ctx, String[] texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int rows = encodings.length;
        int length = encodings[0].getIds().length;
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            Encoding e = encodings[r];
            if (e.getIds().length != length) {
                throw new IllegalStateException("tokenizer returned texts of different lengths in one batch ("
                        + length + " and " + e.getIds().length + ")");
            }
            System.arraycopy(e.getIds(), 0, ids, r * length, length);
            System.arraycopy(e.getAttentionMask(), 0, mask, r * length, length);
            System.arraycopy(e.getTypeIds(), 0, types, r * length, length);
        }
        ctx.setAttachment("mask", mask);
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(rows, length);
        NDList input = new NDList(manager.create(ids, shape), manager.create(mask, shape));
        if (settings.tokenTypeIds()) {
            input.add(manager.create(types, shape));
        }
        return input;
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList output) {
        NDArray first = output.get(0);
        long[] shape = first.getShape().getShape();
        float[] values = first.toType(DataType.FLOAT32, false).toFloatArray();
        long[] mask = (long[]) ctx.getAttachment("mask");
        return switch (settings.pooling()) {
            case NONE -> {
                requireRank(shape, 2);
                yield Pooling.rows(values, (int) shape[0], (int) shape[1]);
            }
            case CLS -> {
                requireRank(shape, 3);
                yield Pooling.first(values, (int) shape[0], (int) shape[1], (int) shape[2]);
            }
            case MEAN -> {
                requireRank(shape, 3);
                yield Pooling.mean(values, mask, (int) shape[0], (int) shape[1], (int) shape[2]);
            }
        };
    }

    private void requireRank(long[] shape, int rank) {
        if (shape.length != rank) {
            throw new IllegalStateException("pooling " + settings.pooling().name().toLowerCase(Locale.ROOT)
                    + " needs a model output of rank " + rank + ", got shape " + Arrays.toString(shape)
                    + " (set pooling in " + DjlModelSettings.FILE_NAME + ")");
        }
    }

    /** @return the settings read when the first predictor was prepared */
    DjlModelSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        if (tokenizer != null) {
            tokenizer.close();
            tokenizer = null;
        }
    }
}

package io.noetl.sink.embed;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * How to run a sentence-transformer, read from the optional {@value #FILE_NAME} next to the model.
 *
 * <p>Keys (all optional): {@code model} (file name of the TorchScript model without {@code .pt}), {@code dimension}
 * (checked against what the model gives), {@code max_length} (tokens per text including special tokens, default
 * {@value #DEFAULT_MAX_LENGTH}), {@code pooling} ({@code mean} over the attention mask, {@code cls} = first token,
 * {@code none} = the model already returns one vector per text), {@code token_type_ids} ({@code true} when the model
 * takes them as third input), {@code padding} ({@code longest} in the batch, or {@code max_length} for models traced
 * with a fixed length) and {@code batch_size} (texts per model call, default {@value #DEFAULT_BATCH_SIZE}).
 *
 * @param modelName    file name of the model without extension, or null to let the loader pick it
 * @param dimension    declared vector length, or 0 when not declared
 * @param maxLength    most tokens per text
 * @param pooling      how token embeddings become one vector
 * @param tokenTypeIds whether the model takes token type ids
 * @param padToMaxLength whether every batch is padded to {@code maxLength} rather than to its longest text
 * @param batchSize    most texts per model call
 */
public record DjlModelSettings(String modelName, int dimension, int maxLength, Pooling pooling, boolean tokenTypeIds,
        boolean padToMaxLength, int batchSize) {

    /** Name of the settings file in the model directory. */
    public static final String FILE_NAME = "noetl-embedder.properties";
    /** Default {@code max_length}. */
    public static final int DEFAULT_MAX_LENGTH = 256;
    /** Default {@code batch_size}. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    /** How token embeddings become one sentence vector. */
    public enum Pooling {
        /** average of the token embeddings where the attention mask is 1 */
        MEAN,
        /** the first token's embedding ([CLS]) */
        CLS,
        /** the model's output is already one vector per text */
        NONE
    }

    public DjlModelSettings {
        if (dimension < 0) {
            throw new IllegalArgumentException(FILE_NAME + ": dimension must be positive, got " + dimension);
        }
        if (maxLength < 2 || maxLength > 8192) {
            throw new IllegalArgumentException(FILE_NAME + ": max_length must be 2..8192, got " + maxLength);
        }
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException(FILE_NAME + ": batch_size must be 1..4096, got " + batchSize);
        }
        if (pooling == null) {
            throw new IllegalArgumentException(FILE_NAME + ": pooling must not be null");
        }
    }

    /** Settings of a model without a settings file. */
    public static DjlModelSettings defaults() {
        return new DjlModelSettings(null, 0, DEFAULT_MAX_LENGTH, Pooling.MEAN, false, false, DEFAULT_BATCH_SIZE);
    }

    /**
     * @param modelDir directory of the model
     * @return its settings, or {@link #defaults()} when it has no {@value #FILE_NAME}
     * @throws IllegalArgumentException when a value is malformed (the message names the key)
     */
    public static DjlModelSettings read(Path modelDir) {
        Path file = modelDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("read " + file, e);
        }
        String model = p.getProperty("model");
        return new DjlModelSettings(
                model == null || model.isBlank() ? null : model.strip(),
                intValue(p, "dimension", 0),
                intValue(p, "max_length", DEFAULT_MAX_LENGTH),
                pooling(p.getProperty("pooling", "mean")),
                booleanValue(p, "token_type_ids"),
                padding(p.getProperty("padding", "longest")),
                intValue(p, "batch_size", DEFAULT_BATCH_SIZE));
    }

    private static int intValue(Properties p, String key, int fallback) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FILE_NAME + ": " + key + " must be a whole number, got '" + value + "'");
        }
    }

    private static boolean booleanValue(Properties p, String key) {
        String value = p.getProperty(key, "false").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new IllegalArgumentException(FILE_NAME + ": " + key + " must be true or false, got '"
                    + value + "'");
        };
    }

    private static Pooling pooling(String value) {
        try {
            return Pooling.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FILE_NAME + ": pooling must be mean, cls or none, got '" + value + "'");
        }
    }

    private static boolean padding(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "longest" -> false;
            case "max_length" -> true;
            default -> throw new IllegalArgumentException(FILE_NAME + ": padding must be longest or max_length, got '"
                    + value + "'");
        };
    }
}

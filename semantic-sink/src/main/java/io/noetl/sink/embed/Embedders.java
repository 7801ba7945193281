package io.noetl.sink.embed;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the {@link Embedder} from the environment.
 *
 * <ul>
 *   <li>{@value #EMBEDDER}: {@code hashing} (the default when unset or blank) or {@code djl}</li>
 *   <li>{@value #MODEL}: for {@code djl}, the model directory (TorchScript {@code .pt} + {@code tokenizer.json}) or
 *       a DJL location ({@code djl://…}, {@code https://…}, only when DJL may download); required</li>
 * </ul>
 */
public final class Embedders {

    /** Which embedder to use. */
    public static final String EMBEDDER = "NOETL_EMBEDDER";
    /** Where the sentence-transformer is. */
    public static final String MODEL = "NOETL_EMBEDDER_MODEL";

    private Embedders() {
    }

    /**
     * @param env     the environment (e.g. {@code System.getenv()})
     * @param dataDir data directory of the process (DJL's cache goes under it), or null for {@code java.io.tmpdir}
     * @return the embedder; a {@link DjlEmbedder} holds native memory and is to be closed by the caller (see
     *         {@link #close(Embedder)})
     * @throws IllegalArgumentException when a variable has a bad value; the message names the variable
     */
    public static Embedder open(Map<String, String> env, Path dataDir) {
        String kind = env.getOrDefault(EMBEDDER, "");
        kind = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "", "hashing" -> new HashingEmbedder();
            case "djl" -> openDjl(env.get(MODEL), dataDir);
            default -> throw new IllegalArgumentException(EMBEDDER + " must be hashing or djl, got '"
                    + env.get(EMBEDDER) + "'");
        };
    }

    private static Embedder openDjl(String model, Path dataDir) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException(MODEL + " is required when " + EMBEDDER
                    + "=djl: a directory with the TorchScript model (.pt) and tokenizer.json, or a model URL");
        }
        try {
            return DjlEmbedder.open(model, dataDir);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(MODEL + "=" + model + ": " + e.getMessage(), e);
        }
    }

    /** Closes the embedder when it holds resources (a {@link DjlEmbedder}); does nothing otherwise. */
    public static void close(Embedder embedder) {
        if (embedder instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("close embedder " + embedder.id(), e);
            }
        }
    }
}

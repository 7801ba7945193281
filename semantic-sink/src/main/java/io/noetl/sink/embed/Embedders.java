package io.noetl.sink.embed;

import io.noetl.stores.embed.Embedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the {@link Embedder} from the environment.
 *
 * <ul>
 *   <li>{@value #EMBEDDER}: {@code minilm} (the default when unset or blank: {@link MiniLmEmbedder}),
 *       {@code hashing} (the fast option: {@link HashingEmbedder}) or {@code djl} (a user's model:
 *       {@link DjlEmbedder})</li>
 *   <li>{@value #MODEL}: for {@code djl}, the model directory (TorchScript {@code .pt} + {@code tokenizer.json}) or
 *       a DJL location ({@code djl://…}, {@code https://…}, only when DJL may download); required</li>
 * </ul>
 */
public final class Embedders {

    /** Which embedder to use. */
    public static final String EMBEDDER = "NOETL_EMBEDDER";
    /** Where the sentence-transformer is. */
    public static final String MODEL = "NOETL_EMBEDDER_MODEL";
    /** The embedder when {@value #EMBEDDER} is unset. */
    public static final String DEFAULT = "minilm";

    private static final List<String> KINDS = List.of(DEFAULT, "hashing", "djl");
    private static final String ACCEPTED = "minilm, hashing or djl";

    private Embedders() {
    }

    /**
     * The embedder's settings, parsed once.
     *
     * @param kind  {@code minilm}, {@code hashing} or {@code djl}
     * @param model for {@code djl}, the model folder or location; null otherwise
     */
    public record Settings(String kind, String model) {
        public Settings {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException(EMBEDDER + " must be " + ACCEPTED + ", got '" + kind + "'");
            }
            if (kind.equals("djl") && (model == null || model.isBlank())) {
                throw new IllegalArgumentException(MODEL + " is required when " + EMBEDDER
                        + "=djl: a directory with the TorchScript model (.pt) and tokenizer.json, or a model URL");
            }
        }

        /** The MiniLM sentence embedder, the default. */
        public static Settings minilm() {
            return new Settings(DEFAULT, null);
        }

        /** The hashing embedder, the fast option. */
        public static Settings hashing() {
            return new Settings("hashing", null);
        }
    }

    /**
     * @return the settings of the environment ({@code NOETL_EMBEDDER}, {@code NOETL_EMBEDDER_MODEL})
     * @throws IllegalArgumentException naming the variable whose value is not accepted
     */
    public static Settings settings(Map<String, String> env) {
        String kind = env.getOrDefault(EMBEDDER, "");
        kind = kind == null || kind.isBlank() ? DEFAULT : kind.strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(EMBEDDER + " must be " + ACCEPTED + ", got '" + env.get(EMBEDDER)
                    + "'");
        }
        String model = env.get(MODEL);
        return new Settings(kind, kind.equals("djl") ? model : null);
    }

    /**
     * @param settings which embedder
     * @param dataDir  data directory of the process (DJL's cache goes under it), or null for {@code java.io.tmpdir}
     * @return the embedder; a {@link MiniLmEmbedder} or a {@link DjlEmbedder} holds native memory and is to be
     *         closed by the caller (see {@link #close(Embedder)})
     * @throws IllegalArgumentException naming {@code NOETL_EMBEDDER_MODEL} when the model cannot be loaded
     * @throws IllegalStateException    when the bundled MiniLM model cannot be loaded
     */
    public static Embedder open(Settings settings, Path dataDir) {
        return switch (settings.kind()) {
            case "djl" -> openDjl(settings.model(), dataDir);
            case "hashing" -> new HashingEmbedder();
            default -> MiniLmEmbedder.open(dataDir);
        };
    }

    private static Embedder openDjl(String model, Path dataDir) {
        try {
            return DjlEmbedder.open(model, dataDir);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(MODEL + "=" + model + ": " + e.getMessage(), e);
        }
    }

    /** Closes the embedder when it holds resources (a model); does nothing otherwise. */
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

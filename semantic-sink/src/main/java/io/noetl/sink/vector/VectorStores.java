package io.noetl.sink.vector;

import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.sink.vector.qdrant.QdrantOptions;
import io.noetl.sink.vector.qdrant.QdrantVectorStore;
import io.noetl.stores.vector.VectorStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Opens the {@link VectorStore} the environment asks for:
 * <ul>
 *   <li>{@code NOETL_VECTOR_STORE}: {@code embedded} (default; files under {@code <dataDir>/vectors}) or
 *       {@code qdrant};</li>
 *   <li>{@code QDRANT_URL}: Qdrant's gRPC address, {@code http://host:6334}, {@code https://host:6334} or
 *       {@code host:6334} (required for {@code qdrant});</li>
 *   <li>{@code QDRANT_API_KEY}: optional API key.</li>
 * </ul>
 */
public final class VectorStores {

    /** Chooses the store. */
    public static final String STORE = "NOETL_VECTOR_STORE";
    /** Qdrant's gRPC address. */
    public static final String QDRANT_URL = "QDRANT_URL";
    /** Qdrant's API key. */
    public static final String QDRANT_API_KEY = "QDRANT_API_KEY";

    /** Which store, parsed from the environment. */
    public enum Kind { EMBEDDED, QDRANT }

    /**
     * The vector store's settings, parsed once.
     *
     * @param kind   which store
     * @param qdrant Qdrant's address and key; null for the embedded store
     */
    public record Settings(Kind kind, QdrantOptions qdrant) {
        public Settings {
            if (kind == Kind.QDRANT && qdrant == null) {
                throw new IllegalArgumentException(QDRANT_URL + " must be set when " + STORE + "=qdrant");
            }
        }

        /** The embedded default. */
        public static Settings embedded() {
            return new Settings(Kind.EMBEDDED, null);
        }
    }

    /**
     * @return the settings of the environment ({@code NOETL_VECTOR_STORE}, {@code QDRANT_URL}, {@code QDRANT_API_KEY})
     * @throws IllegalArgumentException naming the variable whose value is not accepted
     */
    public static Settings settings(Map<String, String> env) {
        Kind kind = kind(env);
        return new Settings(kind, kind == Kind.QDRANT ? qdrantOptions(env) : null);
    }

    private VectorStores() {
    }

    /**
     * @return the store kind named by {@code NOETL_VECTOR_STORE}
     * @throws IllegalArgumentException naming the variable on an unknown value
     */
    public static Kind kind(Map<String, String> env) {
        String value = env.get(STORE);
        if (value == null || value.isBlank()) {
            return Kind.EMBEDDED;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "embedded" -> Kind.EMBEDDED;
            case "qdrant" -> Kind.QDRANT;
            default -> throw new IllegalArgumentException(STORE + " must be 'embedded' or 'qdrant', got '" + value
                    + "'");
        };
    }

    /**
     * @return the Qdrant settings of the environment (for {@code NOETL_VECTOR_STORE=qdrant})
     * @throws IllegalArgumentException naming {@code QDRANT_URL} when it is missing or malformed
     */
    public static QdrantOptions qdrantOptions(Map<String, String> env) {
        String url = env.get(QDRANT_URL);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(QDRANT_URL + " must be set when " + STORE
                    + "=qdrant (e.g. http://qdrant:6334, the gRPC port)");
        }
        try {
            return QdrantOptions.fromUrl(url, env.get(QDRANT_API_KEY));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(QDRANT_URL + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the configured store. Qdrant is reached lazily: opening succeeds while the server is down, and the first
     * call reports it.
     *
     * @param settings which store
     * @param dataDir  the node's data folder; the embedded store lives in {@code <dataDir>/vectors}
     */
    public static VectorStore open(Settings settings, Path dataDir) {
        return switch (settings.kind()) {
            case EMBEDDED -> {
                if (dataDir == null) {
                    throw new IllegalArgumentException("the embedded vector store needs a data folder");
                }
                yield EmbeddedVectorStore.open(dataDir.resolve("vectors"));
            }
            case QDRANT -> QdrantVectorStore.connect(settings.qdrant());
        };
    }
}

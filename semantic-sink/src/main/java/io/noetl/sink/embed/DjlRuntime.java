package io.noetl.sink.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JVM-wide DJL settings the embedder needs before DJL starts: offline mode (libtorch comes from the
 * {@code pytorch-native-cpu} jar on the class path, nothing is downloaded), PyTorch as the default engine, no
 * TorchScript graph optimizer (it re-profiles every new input shape), and a writable cache directory. Each setting is applied only when neither its system property nor its environment
 * variable is set, and the first call in a JVM wins (DJL reads them once).
 */
final class DjlRuntime {

    static final String OFFLINE = "ai.djl.offline";
    static final String DEFAULT_ENGINE = "ai.djl.default_engine";
    static final String CACHE_DIR = "DJL_CACHE_DIR";
    static final String GRAPH_OPTIMIZER = "ai.djl.pytorch.graph_optimizer";
    static final String ENGINE = "PyTorch";

    private DjlRuntime() {
    }

    /**
     * @param workDir data directory of the process; the cache goes to {@code workDir/djl-cache}, or under
     *                {@code java.io.tmpdir} when null
     */
    static synchronized void configure(Path workDir) {
        if (System.getProperty(OFFLINE) == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty(OFFLINE, "true");
        }
        if (System.getProperty(DEFAULT_ENGINE) == null && System.getenv("DJL_DEFAULT_ENGINE") == null) {
            System.setProperty(DEFAULT_ENGINE, ENGINE);
        }
        if (System.getProperty(GRAPH_OPTIMIZER) == null) {
            // texts vary in length: re-optimizing the graph for every new input shape costs more than it saves
            System.setProperty(GRAPH_OPTIMIZER, "false");
        }
        if (System.getProperty(CACHE_DIR) == null && System.getenv(CACHE_DIR) == null) {
            Path cache = workDir != null
                    ? workDir.resolve("djl-cache")
                    : Path.of(System.getProperty("java.io.tmpdir"), "noetl-djl-cache");
            try {
                Files.createDirectories(cache);
            } catch (IOException e) {
                throw new UncheckedIOException("create DJL cache directory " + cache, e);
            }
            System.setProperty(CACHE_DIR, cache.toAbsolutePath().toString());
        }
    }

    /** @return true when DJL may not download anything */
    static boolean offline() {
        return ai.djl.util.Utils.isOfflineMode();
    }
}

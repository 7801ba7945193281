package io.noetl.embedded.nats;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where a {@code nats-server} binary may be: {@value #ENV}, then {@code PATH}, then the usual folders. */
public final class NatsServerBinary {

    /** Names a {@code nats-server} binary outside {@code PATH}. */
    public static final String ENV = "NATS_SERVER_BIN";

    private static final List<String> USUAL_DIRS = List.of("/usr/sbin", "/usr/bin", "/usr/local/bin");

    private NatsServerBinary() {
    }

    /** The places to look, in order, from {@value #ENV} and {@code PATH} of {@code env}. */
    public static List<Path> candidates(Map<String, String> env) {
        List<Path> out = new ArrayList<>();
        String explicit = env.get(ENV);
        if (explicit != null && !explicit.isBlank()) {
            out.add(Path.of(explicit));
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                out.add(Path.of(dir, "nats-server"));
            }
        }
        USUAL_DIRS.forEach(dir -> out.add(Path.of(dir, "nats-server")));
        return out;
    }

    /** The first of {@code candidates} that is an executable file. */
    public static Optional<Path> find(List<Path> candidates) {
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    /**
     * The binary {@code env} leads to.
     *
     * @throws IllegalStateException when there is none, naming the package to install and {@value #ENV}
     */
    public static Path require(Map<String, String> env) {
        return find(candidates(env)).orElseThrow(() -> new IllegalStateException("nats-server not found: install it "
                + "with 'apt-get install -y nats-server' or set " + ENV));
    }
}

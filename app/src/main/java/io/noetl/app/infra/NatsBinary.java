package io.noetl.app.infra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where a {@code nats-server} binary may be: {@code NATS_SERVER_BIN}, then {@code PATH}, then the usual folders. */
final class NatsBinary {

    private static final List<String> USUAL_DIRS = List.of("/usr/sbin", "/usr/bin", "/usr/local/bin");

    private NatsBinary() {
    }

    static List<Path> candidates(Map<String, String> env) {
        List<Path> out = new ArrayList<>();
        String explicit = env.get("NATS_SERVER_BIN");
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

    static Optional<Path> find(List<Path> candidates) {
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }
}

package io.noetl.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A benchmark's working folder: the one given (kept), or a temporary one deleted on close. */
public final class WorkDir implements AutoCloseable {

    private final Path path;
    private final boolean temporary;

    private WorkDir(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /** @param given the folder to use (kept), or null for a temporary one named {@code prefix…} */
    public static WorkDir of(Path given, String prefix) throws IOException {
        if (given != null) {
            return new WorkDir(Files.createDirectories(given), false);
        }
        return new WorkDir(Files.createTempDirectory(prefix), true);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("delete temporary folder " + path, e);
        }
    }
}

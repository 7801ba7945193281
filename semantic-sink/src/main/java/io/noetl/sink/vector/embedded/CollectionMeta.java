package io.noetl.sink.vector.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The small file that says a folder is a collection and what its dimension is: {@code collection.properties}, written
 * atomically (temp file, then rename) so a crash never leaves half of it.
 *
 * @param dimension vector length
 */
record CollectionMeta(int dimension) {

    static final String FILE = "collection.properties";
    private static final int FORMAT = 1;

    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    static CollectionMeta read(Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String dim = p.getProperty("dimension");
        if (dim == null || !dim.matches("\\d{1,4}")) {
            throw new IOException("bad or missing 'dimension' in " + dir.resolve(FILE) + ": " + dim);
        }
        return new CollectionMeta(Integer.parseInt(dim));
    }

    void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("dimension", Integer.toString(dimension));
        p.setProperty("similarity", "cosine");
        Path tmp = dir.resolve(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "vector collection");
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

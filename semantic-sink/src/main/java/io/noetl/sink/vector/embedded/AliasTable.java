package io.noetl.sink.vector.embedded;

import io.noetl.stores.vector.VectorStoreException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The embedded store's aliases: {@code root/aliases.properties}, replaced as a whole by an atomic file move, so a
 * switch of several aliases is all-or-nothing on disk too. Reads come from memory. Not thread-safe on its own: the
 * store serializes writes.
 */
final class AliasTable {

    static final String FILE = "aliases.properties";

    private final Path file;
    private volatile Map<String, String> aliases;

    AliasTable(Path root) {
        this.file = root.resolve(FILE);
        this.aliases = load(file);
    }

    Optional<String> target(String alias) {
        return Optional.ofNullable(aliases.get(alias));
    }

    Map<String, String> all() {
        return aliases;
    }

    /** Replaces the whole table, durably, then in memory. */
    void replace(Map<String, String> next) {
        Properties props = new Properties();
        props.putAll(next);
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(w, "alias = collection");
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new VectorStoreException("write aliases to " + file, e);
        }
        aliases = Map.copyOf(new TreeMap<>(next));
    }

    private static Map<String, String> load(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new VectorStoreException("read aliases from " + file, e);
        }
        Map<String, String> out = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
        return Map.copyOf(out);
    }
}

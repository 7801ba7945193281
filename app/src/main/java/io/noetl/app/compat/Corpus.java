package io.noetl.app.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The playbooks under a set of folders: every {@code *.yaml}/{@code *.yml} file (recursively) whose document is a
 * {@code kind: Playbook}. Other YAML files are counted, not sent. A file that is not well-formed YAML but says
 * {@code kind: Playbook} is kept, so the server's rejection of it is part of the measurement.
 *
 * @param playbooks    the playbook files, in path order
 * @param otherYaml    YAML files that are not playbooks
 */
public record Corpus(List<PlaybookFile> playbooks, int otherYaml) {

    private static final Pattern PLAYBOOK_KIND = Pattern.compile("(?m)^kind:\\s*[\"']?Playbook[\"']?\\s*$");

    public Corpus {
        playbooks = List.copyOf(playbooks);
    }

    /** Reads every YAML file under {@code folders}. */
    public static Corpus scan(List<Path> folders) {
        List<PlaybookFile> playbooks = new ArrayList<>();
        int other = 0;
        for (Path folder : folders) {
            for (Path file : yamlFiles(folder)) {
                Optional<PlaybookFile> playbook = read(file);
                if (playbook.isPresent()) {
                    playbooks.add(playbook.get());
                } else {
                    other++;
                }
            }
        }
        return new Corpus(playbooks, other);
    }

    /** The playbooks by catalog path; with two files of one path, the last one found (the one registered last). */
    public Map<String, PlaybookFile> byCatalogPath() {
        Map<String, PlaybookFile> out = new HashMap<>();
        playbooks.forEach(p -> {
            if (p.catalogPath() != null) {
                out.put(p.catalogPath(), p);
            }
        });
        return out;
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml")
                            || f.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("list the YAML files under " + folder, e);
        }
    }

    /** @return the file as a playbook, or empty when it is some other YAML file */
    static Optional<PlaybookFile> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("read " + file, e);
        }
        Object first = firstDocument(text);
        if (first instanceof Map<?, ?> map) {
            return "Playbook".equals(String.valueOf(map.get("kind")))
                    ? Optional.of(new PlaybookFile(file, text, plain(map))) : Optional.empty();
        }
        return first == null && PLAYBOOK_KIND.matcher(text).find()
                ? Optional.of(new PlaybookFile(file, text, Map.of())) : Optional.empty();
    }

    /** @return the first document's value, or null when the text is not YAML */
    private static Object firstDocument(String text) {
        try {
            Iterator<Object> docs = new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text).iterator();
            return docs.hasNext() ? docs.next() : null;
        } catch (YAMLException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}

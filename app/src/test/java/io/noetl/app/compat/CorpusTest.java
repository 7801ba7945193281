package io.noetl.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playbooks of a folder tree: every YAML file that is a kind: Playbook, the others counted. */
class CorpusTest {

    @TempDir
    Path dir;

    @Test
    void findsPlaybooksRecursivelyAndCountsOtherYaml() throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/one.yaml"), "apiVersion: noetl.io/v2\nkind: Playbook\nmetadata:\n"
                + "  name: one\n  path: /lib/one\nworkflow: []\n");
        Files.writeString(dir.resolve("two.yml"), "kind: Playbook\nmetadata: {name: two}\nworkflow: [\n");
        Files.writeString(dir.resolve("config.yaml"), "version: 1\nplaybooks: []\n");
        Files.writeString(dir.resolve("notes.md"), "kind: Playbook\n");

        Corpus corpus = Corpus.scan(List.of(dir));

        assertThat(corpus.playbooks()).extracting(p -> dir.relativize(p.file()).toString())
                .containsExactly("a/b/one.yaml", "two.yml");
        assertThat(corpus.otherYaml()).isEqualTo(1);
        assertThat(corpus.playbooks().get(0).catalogPath()).isEqualTo("lib/one");
        assertThat(corpus.playbooks().get(1).tree()).as("malformed YAML is kept for the server to judge").isEmpty();
        assertThat(corpus.byCatalogPath()).containsOnlyKeys("lib/one");
    }
}

package io.noetl.schemas.playbook;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test playbooks from {@code src/test/resources/playbooks}, and a valid header to build small ones on. */
final class Yamls {

    static final String HEADER = """
            apiVersion: noetl.io/v2
            kind: Playbook
            metadata:
              name: t
            """;

    private Yamls() {
    }

    static String resource(String name) {
        try (InputStream in = Yamls.class.getResourceAsStream("/playbooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test playbook " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A playbook with the valid header (lines 1-4); {@code workflow:} is line 5, so its first step is line 6. */
    static String withWorkflow(String workflow) {
        return HEADER + "workflow:\n" + workflow;
    }

    /** The problems of a playbook the parser must reject. */
    static List<Problem> problems(String yaml) {
        PlaybookException[] caught = new PlaybookException[1];
        assertThatThrownBy(() -> PlaybookParser.parse(yaml))
                .isInstanceOfSatisfying(PlaybookException.class, e -> caught[0] = e);
        return caught[0].problems();
    }
}

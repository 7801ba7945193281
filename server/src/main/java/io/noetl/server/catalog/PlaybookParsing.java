package io.noetl.server.catalog;

import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.PlaybookException;
import io.noetl.schemas.playbook.PlaybookParser;

/** The one place the catalog turns YAML into a validated {@link Playbook}. */
final class PlaybookParsing {

    private PlaybookParsing() {
    }

    /** @throws PlaybookException with every problem found */
    static Playbook parse(String yaml) {
        return PlaybookParser.parse(yaml);
    }
}

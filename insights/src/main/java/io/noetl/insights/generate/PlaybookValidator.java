package io.noetl.insights.generate;

import io.noetl.schemas.playbook.Problem;
import java.util.List;

/**
 * The server's own check of a playbook: what registering it would check, without registering it.
 */
@FunctionalInterface
public interface PlaybookValidator {

    /** @return every problem with {@code yaml}; empty when the server would accept it */
    List<Problem> problems(String yaml);
}

package io.noetl.insights.generate;

import io.noetl.insights.StoreAccess;
import io.noetl.insights.reasoner.PlaybookDraft;
import io.noetl.insights.reasoner.Reasoner;
import io.noetl.schemas.playbook.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a playbook for a description: finds the nearest registered playbooks, lets the reasoner write one (the
 * LLM validates and repairs, the extractive reasoner composes), and checks the result with the server's own
 * validation. Registers nothing.
 */
public final class PlaybookGenerator {

    /** Nearest playbooks drawn on. */
    static final int NEAREST = 3;

    private final NearestPlaybooks nearest;

    public PlaybookGenerator(StoreAccess stores) {
        this.nearest = new NearestPlaybooks(stores);
    }

    /**
     * @param validator the server's validation of a playbook
     * @throws IllegalStateException when the playbook written does not pass validation (a defect of the composer)
     */
    public GeneratedPlaybook generate(String description, Reasoner reasoner, PlaybookValidator validator) {
        List<String> missing = new ArrayList<>();
        List<NearPlaybook> near = nearest.find(description, NEAREST, missing);
        Reasoner.Written written = reasoner.write(new PlaybookDraft(description, near), validator);
        List<Problem> problems = validator.problems(written.yaml());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("generate a playbook: the playbook written by " + written.reasoner()
                    + " does not pass validation: " + problems.stream().map(Problem::toString)
                    .collect(Collectors.joining("; ")));
        }
        return new GeneratedPlaybook(written.yaml(), near, written.reasoner(), missing);
    }
}

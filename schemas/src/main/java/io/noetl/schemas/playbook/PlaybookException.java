package io.noetl.schemas.playbook;

import java.util.List;
import java.util.stream.Collectors;

/** A playbook was rejected; carries every problem found, not just the first. */
public class PlaybookException extends RuntimeException {

    private final transient List<Problem> problems;

    public PlaybookException(List<Problem> problems) {
        super("invalid playbook: " + problems.size() + " problem(s): "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

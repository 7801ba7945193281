package io.noetl.schemas.playbook;

import java.util.List;

/**
 * A step's outgoing arcs, whichever way they were spelled.
 *
 * @param mode exclusive (first true arc wins; an arc without {@code when} is the else) or inclusive (every true arc)
 * @param arcs arcs in document order; empty means the branch ends at this step
 */
public record Next(Mode mode, List<Arc> arcs) {

    public static final Next NONE = new Next(Mode.EXCLUSIVE, List.of());

    public enum Mode { EXCLUSIVE, INCLUSIVE }
}

package io.noetl.schemas.playbook;

/**
 * {@code loop: {in, iterator, spec: {mode, max_in_flight}}}. The item is {@code {{ iter.<iterator> }}}.
 *
 * @param in          template yielding the list of items
 * @param iterator    name of the item variable under {@code iter}
 * @param mode        sequential or parallel
 * @param maxInFlight upper bound on concurrent items in parallel mode (1 for sequential)
 */
public record Loop(String in, String iterator, Mode mode, int maxInFlight) {

    public enum Mode { SEQUENTIAL, PARALLEL }
}

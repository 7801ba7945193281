package io.noetl.schemas.playbook;

import java.util.Map;

/**
 * {@code loop: {in | cursor, iterator, spec: {mode, max_in_flight}}} (NoETL docs: {@code reference/dsl/spec.md}
 * §8 "Loop clause"). The item is {@code {{ iter.<iterator> }}}.
 *
 * <p>A cursor loop ({@code mode: cursor} with {@code cursor: {kind, auth, claim, options}}) is NoETL's pull model:
 * the server issues {@code max_in_flight} commands (worker slots) and each worker claims rows with the cursor's
 * {@code claim} statement until none is left, running the step's pipeline for each.
 *
 * @param in                template yielding the list of items; null for a cursor loop
 * @param iterator          name of the item variable under {@code iter}
 * @param mode              sequential, parallel or cursor
 * @param maxInFlight       upper bound on concurrent items (parallel) or worker slots (cursor); 1 for sequential;
 *                          when {@code maxInFlightTemplate} is set, the bound used if it does not render to a number
 * @param maxInFlightTemplate {@code max_in_flight} written as a template, rendered when the loop starts; or null
 * @param cursor            the cursor as written ({@code kind}, {@code auth}, {@code claim}, {@code options}), or null
 */
public record Loop(String in, String iterator, Mode mode, int maxInFlight, String maxInFlightTemplate,
                   Map<String, Object> cursor) {

    public enum Mode { SEQUENTIAL, PARALLEL, CURSOR }

    /** A loop over {@code in} with a fixed bound. */
    public Loop(String in, String iterator, Mode mode, int maxInFlight) {
        this(in, iterator, mode, maxInFlight, null, null);
    }
}

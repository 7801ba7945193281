package io.noetl.topology.normalize;

import io.noetl.schemas.stream.DeadLetter;
import io.noetl.schemas.stream.NormalizedEvent;

/** What normalization made of one raw record: an accepted event or a dead letter. */
public sealed interface NormalizeOutcome {

    /**
     * A valid event.
     *
     * @param event            the normalized event (not yet de-duplicated or templated)
     * @param keyIsExecutionId whether the raw record was keyed by the event's execution id, i.e. already sits in the
     *                         partition its execution's state lives in
     */
    record Accepted(NormalizedEvent event, boolean keyIsExecutionId) implements NormalizeOutcome {
    }

    /**
     * A record that could not be accepted.
     *
     * @param key    the execution id when the record names one, else the raw key as text (may be null)
     * @param letter the reason, origin and original bytes
     */
    record Rejected(String key, DeadLetter letter) implements NormalizeOutcome {
    }
}

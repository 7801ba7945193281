package io.noetl.sink.replay;

import java.util.Locale;

/** Where a replay is; the wire name is what the admin API and the CLI show. */
public enum ReplayState {
    /** Reading versions, consumer groups and offsets. */
    PREPARING,
    /** Copying records into the new version while readers use the old one. */
    COPYING,
    /** Readers switched to the new version; waiting until every live sink writes into it. */
    SWITCHING,
    /** Copying what live sinks wrote into the old version during the switch. */
    CATCHING_UP,
    /** Done. */
    COMPLETED,
    /** Stopped by an error or a shutdown; the old version still serves, a new run resumes. */
    FAILED;

    /** @return the lower-case name */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether the replay has ended */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED;
    }
}

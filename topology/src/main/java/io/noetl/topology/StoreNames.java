package io.noetl.topology;

/** Names of the topology's state stores (also part of their changelog topic names: do not rename lightly). */
public final class StoreNames {

    /**
     * Event id time (to a second) + execution id → the ids seen in that group with the stream time each was first
     * seen (the earlier layout, one record per {@code event_id} under {@code noetl-dedupe}, is not read).
     */
    public static final String DEDUPE = "noetl-dedupe-by-execution";
    /** Template miner cluster id → cluster snapshot. */
    public static final String TEMPLATE_CLUSTERS = "noetl-template-clusters";
    /** Superseded template id → the id it answers to now. */
    public static final String TEMPLATE_ALIASES = "noetl-template-aliases";
    /** Execution id → compact trace state. */
    public static final String TRACES = "noetl-traces";
    /** Execution ids whose trace changed since it was last emitted. */
    public static final String TRACES_PENDING = "noetl-traces-pending";
    /** Non-terminal execution ids → last activity and stuck-alert mark. */
    public static final String TRACES_ACTIVE = "noetl-traces-active";

    private StoreNames() {
    }
}

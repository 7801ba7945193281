package io.noetl.topology;

/** Names of the topology's state stores (also part of their changelog topic names: do not rename lightly). */
public final class StoreNames {

    /** {@code event_id} → stream time first seen. */
    public static final String DEDUPE = "noetl-dedupe";
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

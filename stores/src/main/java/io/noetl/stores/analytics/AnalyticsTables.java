package io.noetl.stores.analytics;

import java.util.List;

/** Table names of a version, and the bounds every store enforces. */
public final class AnalyticsTables {

    public static final String EVENTS = "noetl_events";
    public static final String TRACES = "noetl_traces";
    public static final String STEP_METRICS = "noetl_step_metrics";
    public static final String ALERTS = "noetl_alerts";
    public static final String DECISIONS = "noetl_decisions";
    /** Every base name, in creation order. */
    public static final List<String> ALL = List.of(EVENTS, TRACES, STEP_METRICS, ALERTS, DECISIONS);
    /** The table holding the current version pointer. */
    public static final String POINTER = "noetl_index_pointer";

    /** Largest string field written, in UTF-8 bytes; a record with a larger one is rejected. */
    public static final int MAX_FIELD_BYTES = 1 << 20;

    private AnalyticsTables() {
    }

    /** @return the table name of {@code base} in {@code version}, e.g. {@code noetl_events_v3} */
    public static String of(String base, int version) {
        if (version < 1) {
            throw new IllegalArgumentException("index version must be >= 1, got " + version);
        }
        return base + "_v" + version;
    }
}

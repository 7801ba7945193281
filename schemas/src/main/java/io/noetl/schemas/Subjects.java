package io.noetl.schemas;

/** Names on the wire (DESIGN.md, "Names on the wire"): JetStream streams, subjects, KV buckets. */
public final class Subjects {

    public static final String COMMANDS_STREAM = "NOETL_COMMANDS";
    public static final String EVENTS_STREAM = "NOETL_EVENTS";
    public static final String ALERTS_STREAM = "NOETL_ALERTS";

    public static final String COMMANDS_PREFIX = "noetl.commands.";
    public static final String EVENTS_PREFIX = "noetl.events.";
    public static final String ALERTS_PREFIX = "noetl.alerts.";

    /** Core NATS subject on which the server announces cancellations to workers. */
    public static final String CANCEL_PREFIX = "noetl.control.cancel.";

    public static final String DEFAULT_POOL = "default";

    /**
     * Header carrying an event's {@code event_type} on {@code noetl.events.*}, so a consumer can skip the events
     * it does not need without parsing their JSON. The body stays the source of truth.
     */
    public static final String EVENT_TYPE_HEADER = "Noetl-Event-Type";

    private Subjects() {
    }

    public static String commands(String pool) {
        return COMMANDS_PREFIX + pool;
    }

    public static String events(String executionId) {
        return EVENTS_PREFIX + executionId;
    }

    public static String alerts(String severity) {
        return ALERTS_PREFIX + severity;
    }

    public static String cancel(String executionId) {
        return CANCEL_PREFIX + executionId;
    }
}

package io.noetl.schemas.wire;

import io.noetl.schemas.Names;
import java.time.Duration;
import java.util.List;

/**
 * Every stream, key-value bucket and topic the product uses, as data (DESIGN.md, "Names on the wire"). Each role
 * ensures them through one place — {@code io.noetl.schemas.nats.JetStreamSetup} for NATS, the connectors'
 * {@code KafkaTopics} for Kafka — so whichever role starts first creates them alike.
 */
public final class WireLayout {

    /** How long a message id is remembered by every stream. */
    public static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(2);
    /** How long the alerts stream keeps an alert for late subscribers. */
    public static final Duration ALERTS_MAX_AGE = Duration.ofDays(7);

    private WireLayout() {
    }

    /** {@code NOETL_COMMANDS}: a work queue, one message per command until a worker acks it. */
    public static StreamSpec commands(Names names) {
        return new StreamSpec(names.commandsStream(), List.of(names.commandsWildcard()), true, DUPLICATE_WINDOW,
                Duration.ZERO);
    }

    /** {@code NOETL_EVENTS}: every event, kept (the source a replay reads from). */
    public static StreamSpec events(Names names) {
        return new StreamSpec(names.eventsStream(), List.of(names.eventsWildcard()), false, DUPLICATE_WINDOW,
                Duration.ZERO);
    }

    /** {@code NOETL_ALERTS}: alerts for live subscribers, kept {@link #ALERTS_MAX_AGE}. */
    public static StreamSpec alerts(Names names) {
        return new StreamSpec(names.alertsStream(), List.of(names.alertsWildcard()), false, DUPLICATE_WINDOW,
                ALERTS_MAX_AGE);
    }

    /** The three streams. */
    public static List<StreamSpec> streams(Names names) {
        return List.of(commands(names), events(names), alerts(names));
    }

    /** Key-value buckets of the server: the playbook catalog, execution states, the index of live executions. */
    public static List<String> buckets(Names names) {
        return List.of(names.playbooksBucket(), names.executionsBucket(), names.activeExecutionsBucket());
    }

    /**
     * The pipeline's Kafka topics.
     *
     * @param eventsRetention how long {@code noetl.events.raw} and {@code noetl.events} keep records; null keeps
     *                        them forever (the embedded default, so a replay can rebuild every index)
     */
    public static List<TopicSpec> topics(Names names, Duration eventsRetention) {
        Long events = eventsRetention == null ? Long.valueOf(-1) : Long.valueOf(eventsRetention.toMillis());
        return List.of(
                new TopicSpec(names.rawEventsTopic(), events, false),
                new TopicSpec(names.eventsTopic(), events, false),
                new TopicSpec(names.deadLetterTopic(), null, false),
                new TopicSpec(names.tracesTopic(), null, true),
                new TopicSpec(names.stepMetricsTopic(), null, false),
                new TopicSpec(names.alertsTopic(), null, false),
                new TopicSpec(names.sinkDeadLetterTopic(), null, false));
    }
}

package io.noetl.schemas;

/**
 * Names on the wire for one deployment. {@code prefix} is empty in production; tests and benchmarks set one
 * (e.g. {@code t42_}) so several isolated pipelines share one NATS server without overlapping subjects.
 *
 * @param prefix prepended to every stream, subject and bucket name; letters, digits and underscore only
 */
public record Names(String prefix) {

    public static final Names DEFAULT = new Names("");

    public Names {
        prefix = prefix == null ? "" : prefix;
        if (!prefix.matches("[A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("NOETL_STREAM_PREFIX may hold only letters, digits and '_', got '" + prefix + "'");
        }
    }

    public String commandsStream() {
        return prefix + Subjects.COMMANDS_STREAM;
    }

    public String eventsStream() {
        return prefix + Subjects.EVENTS_STREAM;
    }

    public String alertsStream() {
        return prefix + Subjects.ALERTS_STREAM;
    }

    /** {@code noetl.commands.<pool>} */
    public String commands(String pool) {
        return prefix + Subjects.commands(pool);
    }

    public String commandsWildcard() {
        return prefix + Subjects.COMMANDS_PREFIX + ">";
    }

    /** {@code noetl.events.<execution_id>} */
    public String events(String executionId) {
        return prefix + Subjects.events(executionId);
    }

    public String eventsWildcard() {
        return prefix + Subjects.EVENTS_PREFIX + ">";
    }

    /** {@code noetl.alerts.<severity>} */
    public String alerts(String severity) {
        return prefix + Subjects.alerts(severity);
    }

    public String alertsWildcard() {
        return prefix + Subjects.ALERTS_PREFIX + ">";
    }

    /** Core NATS subject on which the server tells workers to stop an execution's running tools. */
    public String cancel(String executionId) {
        return prefix + Subjects.cancel(executionId);
    }

    public String cancelWildcard() {
        return prefix + Subjects.CANCEL_PREFIX + "*";
    }

    /** Durable consumer of the worker pool. */
    public String workerConsumer(String pool) {
        return prefix + "noetl-worker-" + pool;
    }

    /** Durable consumer of the server replicas. */
    public String serverConsumer() {
        return prefix + "noetl-server";
    }

    /** KV bucket of the playbook catalog. */
    public String playbooksBucket() {
        return prefix + "noetl_playbooks";
    }

    /** KV bucket indexing the executions not yet terminal (keys only), so the reaper's pass does not grow with history. */
    public String activeExecutionsBucket() {
        return prefix + "noetl_active";
    }

    /** KV bucket of execution states. */
    public String executionsBucket() {
        return prefix + "noetl_executions";
    }

    /** Kafka topic of events bridged unchanged from {@code NOETL_EVENTS}, keyed by execution id. */
    public String rawEventsTopic() {
        return prefix + "noetl.events.raw";
    }

    /** Kafka topic of normalized events, keyed by execution id. */
    public String eventsTopic() {
        return prefix + "noetl.events";
    }

    /** Kafka topic of records the topology could not accept, with the reason and the original bytes. */
    public String deadLetterTopic() {
        return prefix + "noetl.events.dlq";
    }

    /** Compacted Kafka topic holding the latest trace per execution. */
    public String tracesTopic() {
        return prefix + "noetl.traces";
    }

    /** Kafka topic of windowed step metrics, keyed by playbook/step. */
    public String stepMetricsTopic() {
        return prefix + "noetl.metrics.step";
    }

    /** Kafka topic of anomaly alerts, keyed by playbook/step. */
    public String alertsTopic() {
        return prefix + "noetl.alerts";
    }

    /** Kafka topic of records the sink could not write into an index, with the reason and the original bytes. */
    public String sinkDeadLetterTopic() {
        return prefix + "noetl.sink.dlq";
    }

    /** Kafka consumer group shared by the sink instances. */
    public String sinkConsumerGroup() {
        return prefix + "noetl-sink";
    }

    /** Durable JetStream consumer shared by the bridge instances (events into Kafka). */
    public String bridgeConsumer() {
        return prefix + "noetl-bridge";
    }

    /** Kafka Streams application id of the topology (also its consumer group). */
    public String topologyApplicationId() {
        return prefix + "noetl-topology";
    }
}

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
}

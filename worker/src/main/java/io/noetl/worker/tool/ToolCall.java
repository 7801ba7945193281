package io.noetl.worker.tool;

import io.noetl.schemas.command.Command;
import io.noetl.worker.keychain.Keychain;
import io.noetl.worker.redact.Redactor;
import java.time.Duration;
import java.util.Map;

/**
 * One tool invocation.
 *
 * @param command      the command being run
 * @param kind         the kind of the task being run (a pipeline's tasks have kinds of their own)
 * @param config       the tool configuration, rendered (without {@code kind})
 * @param context      the template context (plain maps), including {@code keychain}
 * @param keychain     the resolved keychain
 * @param timeout      time limit of the tool
 * @param cancellation where the tool registers how to stop it
 * @param auth         credentials the tool names by {@code auth}
 */
public record ToolCall(
        Command command,
        String kind,
        Map<String, Object> config,
        Map<String, Object> context,
        Keychain keychain,
        Duration timeout,
        Cancellation cancellation,
        Auth auth) {

    /** A text setting of the config, or {@code fallback} when absent. */
    public String text(String key, String fallback) {
        Object v = config.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    /** A redactor hiding this call's keychain values and whatever looks like a credential. */
    public Redactor redactor() {
        return new Redactor(keychain.secrets());
    }

    /** The timeout outcome every tool reports the same way. */
    public ToolOutcome.Failed timedOut(String logs) {
        return new ToolOutcome.Failed(io.noetl.schemas.event.ErrorInfo.retriable("Timeout",
                "tool " + kind + " exceeded its time limit of " + timeout.toMillis() + " ms"),
                null, logs, Map.of());
    }

    /** The outcome of a tool stopped by a cancel request. */
    public ToolOutcome.Failed cancelled(String logs) {
        return new ToolOutcome.Failed(io.noetl.schemas.event.ErrorInfo.fatal("Cancelled",
                "execution " + command.executionId() + " was cancelled"), null, logs, Map.of());
    }

    /** The outcome matching why the tool was stopped, if it was. */
    public java.util.Optional<ToolOutcome.Failed> stopped(String logs) {
        return cancellation.reason().map(r -> r == Cancellation.Reason.TIMEOUT ? timedOut(logs) : cancelled(logs));
    }
}

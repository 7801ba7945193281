package io.noetl.worker.tool.script;

/** A tool's script could not be loaded; the message names the source and the problem. */
public final class ScriptException extends RuntimeException {

    private final boolean retriable;

    /** @param retriable whether a later attempt may load it (a download that failed on the way) */
    public ScriptException(String message, boolean retriable) {
        super(message);
        this.retriable = retriable;
    }

    /** Whether a later attempt may load it. */
    public boolean retriable() {
        return retriable;
    }
}

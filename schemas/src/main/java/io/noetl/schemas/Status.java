package io.noetl.schemas;

/** Status of an execution or of one of its steps. */
public enum Status {
    PENDING, RUNNING, PAUSED, COMPLETED, FAILED, CANCELLED;

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}

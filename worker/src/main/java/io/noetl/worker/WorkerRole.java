package io.noetl.worker;

/** The worker role: pulls commands of one pool, runs tools, emits events. Placeholder until the worker lands. */
public final class WorkerRole implements AutoCloseable {

    private WorkerRole() {
    }

    /** Connects to NATS, waits for the commands stream, and starts pulling. */
    public static WorkerRole start(WorkerConfig config) {
        throw new UnsupportedOperationException("worker not built yet");
    }

    /** Clean drain: stop pulling, let running tools finish (bounded), then disconnect. */
    @Override
    public void close() {
    }
}

package io.noetl.server;

/** The server role: catalog, execution engine runtime over NATS, REST API. Placeholder until the runtime lands. */
public final class ServerRole implements AutoCloseable {

    private ServerRole() {
    }

    /** Connects to NATS, ensures streams and buckets, starts the event consumer, the reaper and the HTTP API. */
    public static ServerRole start(ServerConfig config) {
        throw new UnsupportedOperationException("server runtime not built yet");
    }

    /** The port the REST API listens on (resolved when the configured port was 0). */
    public int httpPort() {
        throw new UnsupportedOperationException("server runtime not built yet");
    }

    @Override
    public void close() {
    }
}

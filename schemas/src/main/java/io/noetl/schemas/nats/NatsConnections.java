package io.noetl.schemas.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one NATS connection policy of every role (server, worker, bridge, alert relay) and benchmark: the first
 * connection is retried like a reconnect, reconnects go on forever {@value #RECONNECT_WAIT_MS} ms apart, a connect
 * attempt gives up after {@link #CONNECT_TIMEOUT}, publishes made while disconnected are buffered up to
 * {@link #RECONNECT_BUFFER_BYTES} bytes, and connection changes and errors are logged through SLF4J.
 */
public final class NatsConnections {

    /** Pause between reconnect attempts. */
    public static final long RECONNECT_WAIT_MS = 250;
    /** Time one connect attempt may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Bytes of publishes kept while reconnecting (jnats' default is 8 MB; the server publishes in bursts). */
    public static final long RECONNECT_BUFFER_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(NatsConnections.class);

    private NatsConnections() {
    }

    /** The policy's options for {@code url}, naming the connection {@code name} (seen in the server's monitoring). */
    public static Options options(String url, String name) {
        return Options.builder()
                .server(url)
                .connectionName(name)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(RECONNECT_WAIT_MS))
                .connectionTimeout(CONNECT_TIMEOUT)
                .reconnectBufferSize(RECONNECT_BUFFER_BYTES)
                .connectionListener(NatsConnections::onEvent)
                .errorListener(new LoggingErrorListener())
                .build();
    }

    /**
     * Connects to {@code url}; while the server does not answer it keeps trying, until the thread is interrupted.
     *
     * @throws IllegalStateException naming the server when the connection cannot be made, or when interrupted (the
     *                               thread's interrupt flag is then set again)
     */
    public static Connection connect(String url, String name) {
        try {
            return Nats.connectReconnectOnConnect(options(url, name));
        } catch (IOException e) {
            throw new IllegalStateException("connect to NATS at " + url + " as '" + name + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to NATS at " + url, e);
        }
    }

    private static void onEvent(Connection conn, ConnectionListener.Events event) {
        switch (event) {
            case CONNECTED -> LOG.info("NATS connected to {}", conn.getConnectedUrl());
            case DISCONNECTED -> LOG.warn("NATS disconnected; reconnecting");
            case RECONNECTED -> LOG.info("NATS reconnected to {}", conn.getConnectedUrl());
            case CLOSED -> LOG.info("NATS connection closed");
            default -> LOG.debug("NATS {}", event);
        }
    }

    private static final class LoggingErrorListener implements ErrorListener {

        @Override
        public void errorOccurred(Connection conn, String error) {
            LOG.warn("NATS error: {}", error);
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            LOG.warn("NATS exception: {}", exp.toString());
        }
    }
}

package io.noetl.connectors;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connectors' NATS connection: reconnects forever, logs connection changes and errors through SLF4J. */
public final class NatsConnections {

    private static final Logger LOG = LoggerFactory.getLogger(NatsConnections.class);

    private NatsConnections() {
    }

    /** Connects to {@code url}, retrying the first connection too. */
    public static Connection connect(String url, String name) {
        Options options = Options.builder()
                .server(url)
                .connectionName(name)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(250))
                .connectionTimeout(Duration.ofSeconds(5))
                .connectionListener(NatsConnections::onEvent)
                .errorListener(new ErrorListener() {
                    @Override
                    public void errorOccurred(Connection conn, String error) {
                        LOG.warn("NATS error: {}", error);
                    }

                    @Override
                    public void exceptionOccurred(Connection conn, Exception exp) {
                        LOG.warn("NATS exception: {}", exp.toString());
                    }
                })
                .build();
        try {
            return Nats.connectReconnectOnConnect(options);
        } catch (IOException e) {
            throw new IllegalStateException("connect to NATS at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to NATS at " + url, e);
        }
    }

    private static void onEvent(Connection conn, ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED -> LOG.warn("NATS disconnected; reconnecting");
            case RECONNECTED -> LOG.info("NATS reconnected to {}", conn.getConnectedUrl());
            case CLOSED -> LOG.info("NATS connection closed");
            default -> LOG.debug("NATS {}", event);
        }
    }
}

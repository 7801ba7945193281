package io.noetl.server.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the server's NATS connection: reconnects forever, logs every state change. */
public final class NatsConnector {

    private static final Logger LOG = LoggerFactory.getLogger(NatsConnector.class);

    private NatsConnector() {
    }

    public static Connection connect(String url, String name) {
        Options options = Options.builder()
                .server(url)
                .connectionName(name)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(250))
                .connectionTimeout(Duration.ofSeconds(5))
                .reconnectBufferSize(64L * 1024 * 1024)
                .connectionListener(listener())
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

    private static ConnectionListener listener() {
        return (conn, event) -> {
            switch (event) {
                case DISCONNECTED, CLOSED -> LOG.warn("NATS connection {}", event);
                default -> LOG.info("NATS connection {}", event);
            }
        };
    }
}

package io.noetl.server.catalog;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest version of every path, kept current by watching the catalog bucket, so starting an execution
 * of "the latest" costs no KV round trip. Registrations on other replicas arrive within milliseconds;
 * a path not seen yet falls back to reading the KV.
 */
final class LatestVersions {

    private static final Logger LOG = LoggerFactory.getLogger(LatestVersions.class);

    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final NatsKeyValueWatchSubscription watch;

    LatestVersions(KeyValue kv) {
        NatsKeyValueWatchSubscription w;
        try {
            w = kv.watch("*." + CatalogKeys.LATEST, new KeyValueWatcher() {
                @Override
                public void watch(KeyValueEntry entry) {
                    if (entry.getOperation() == KeyValueOperation.PUT && entry.getValue() != null) {
                        String path = CatalogKeys.pathOfLatestKey(entry.getKey());
                        if (path != null) {
                            seen(path, Integer.parseInt(entry.getValueAsString()));
                        }
                    }
                }

                @Override
                public void endOfData() {
                    LOG.debug("catalog watch caught up: {} paths", versions.size());
                }
            });
        } catch (IOException | JetStreamApiException e) {
            LOG.warn("cannot watch the catalog; latest versions are read from the KV each time: {}", e.toString());
            w = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            w = null;
        }
        this.watch = w;
    }

    Integer get(String path) {
        return versions.get(path);
    }

    void seen(String path, int version) {
        versions.merge(path, version, Math::max);
    }

    void close() {
        if (watch != null) {
            try {
                watch.unsubscribe();
            } catch (RuntimeException e) {
                LOG.debug("catalog watch already closed: {}", e.toString());
            }
        }
    }
}

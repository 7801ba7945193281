package io.noetl.server.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.noetl.schemas.Names;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates or updates the streams and KV buckets the server needs; safe to run on every start. */
public final class Streams {

    private static final Logger LOG = LoggerFactory.getLogger(Streams.class);
    private static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(2);
    private static final int STREAM_NOT_FOUND = 10059;
    private static final int BUCKET_NOT_FOUND = 10059;

    private Streams() {
    }

    /**
     * @param eventsMaxAge how long events are kept; {@link Duration#ZERO} keeps them forever
     */
    public static void ensure(Connection nc, Names names, Duration eventsMaxAge) {
        try {
            JetStreamManagement jsm = nc.jetStreamManagement();
            ensureStream(jsm, StreamConfiguration.builder()
                    .name(names.commandsStream())
                    .subjects(names.commandsWildcard())
                    .retentionPolicy(RetentionPolicy.WorkQueue)
                    .storageType(StorageType.File)
                    .duplicateWindow(DUPLICATE_WINDOW)
                    .build());
            ensureStream(jsm, StreamConfiguration.builder()
                    .name(names.eventsStream())
                    .subjects(names.eventsWildcard())
                    .retentionPolicy(RetentionPolicy.Limits)
                    .storageType(StorageType.File)
                    .duplicateWindow(DUPLICATE_WINDOW)
                    .maxAge(eventsMaxAge)
                    .build());
            ensureStream(jsm, StreamConfiguration.builder()
                    .name(names.alertsStream())
                    .subjects(names.alertsWildcard())
                    .retentionPolicy(RetentionPolicy.Limits)
                    .storageType(StorageType.File)
                    .duplicateWindow(DUPLICATE_WINDOW)
                    .build());
            KeyValueManagement kvm = nc.keyValueManagement();
            ensureBucket(kvm, names.playbooksBucket());
            ensureBucket(kvm, names.executionsBucket());
            ensureBucket(kvm, names.activeExecutionsBucket());
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("ensure NoETL streams and buckets (prefix '" + names.prefix() + "')", e);
        }
    }

    private static void ensureStream(JetStreamManagement jsm, StreamConfiguration config)
            throws IOException, JetStreamApiException {
        try {
            jsm.getStreamInfo(config.getName());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            try {
                jsm.addStream(config);
                LOG.info("created stream {} on {}", config.getName(), config.getSubjects());
                return;
            } catch (JetStreamApiException raced) {
                LOG.debug("stream {} created concurrently: {}", config.getName(), raced.getErrorDescription());
            }
        }
        try {
            jsm.updateStream(config);
        } catch (JetStreamApiException e) {
            // e.g. retention cannot change on an existing stream: keep what is there, say so
            LOG.warn("stream {} kept as is, update refused: {}", config.getName(), e.getErrorDescription());
        }
    }

    private static void ensureBucket(KeyValueManagement kvm, String bucket) throws IOException, JetStreamApiException {
        try {
            kvm.getStatus(bucket);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != BUCKET_NOT_FOUND) {
                throw e;
            }
            try {
                kvm.create(KeyValueConfiguration.builder()
                        .name(bucket)
                        .maxHistoryPerKey(1)
                        .storageType(StorageType.File)
                        .build());
                LOG.info("created KV bucket {}", bucket);
            } catch (JetStreamApiException raced) {
                LOG.debug("bucket {} created concurrently: {}", bucket, raced.getErrorDescription());
            }
        }
    }
}

package io.noetl.schemas.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.noetl.schemas.Names;
import io.noetl.schemas.wire.StreamSpec;
import io.noetl.schemas.wire.WireLayout;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or updates the streams and key-value buckets of {@link WireLayout}; safe to run on every start, from every
 * role and from several instances at once.
 */
public final class JetStreamSetup {

    private static final Logger LOG = LoggerFactory.getLogger(JetStreamSetup.class);
    /** JetStream's "stream not found" (also returned for a missing bucket, whose stream is {@code KV_<name>}). */
    private static final int NOT_FOUND = 10059;

    private JetStreamSetup() {
    }

    /**
     * Ensures every stream and bucket of the deployment.
     *
     * @throws IllegalStateException naming the prefix when JetStream refuses or does not answer
     */
    public static void ensure(Connection nc, Names names) {
        try {
            JetStreamManagement jsm = nc.jetStreamManagement();
            for (StreamSpec spec : WireLayout.streams(names)) {
                ensureStream(jsm, spec);
            }
            KeyValueManagement kvm = nc.keyValueManagement();
            for (String bucket : WireLayout.buckets(names)) {
                ensureBucket(kvm, bucket);
            }
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("ensure NoETL streams and buckets (prefix '" + names.prefix() + "')", e);
        }
    }

    /**
     * Creates the stream when missing, else updates it to the spec; an update JetStream refuses (a retention policy
     * cannot change) keeps the stream as it is, with a warning.
     */
    public static void ensureStream(JetStreamManagement jsm, StreamSpec spec) throws IOException, JetStreamApiException {
        StreamConfiguration config = configuration(spec);
        try {
            jsm.getStreamInfo(spec.name());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != NOT_FOUND) {
                throw e;
            }
            try {
                jsm.addStream(config);
                LOG.info("created stream {} on {}", spec.name(), spec.subjects());
                return;
            } catch (JetStreamApiException raced) {
                LOG.debug("stream {} created concurrently: {}", spec.name(), raced.getErrorDescription());
            }
        }
        try {
            jsm.updateStream(config);
        } catch (JetStreamApiException e) {
            LOG.warn("stream {} kept as is, update refused: {}", spec.name(), e.getErrorDescription());
        }
    }

    /** The JetStream configuration of a spec (file storage). */
    public static StreamConfiguration configuration(StreamSpec spec) {
        return StreamConfiguration.builder()
                .name(spec.name())
                .subjects(spec.subjects())
                .retentionPolicy(spec.workQueue() ? RetentionPolicy.WorkQueue : RetentionPolicy.Limits)
                .storageType(StorageType.File)
                .duplicateWindow(spec.duplicateWindow())
                .maxAge(spec.maxAge())
                .build();
    }

    private static void ensureBucket(KeyValueManagement kvm, String bucket) throws IOException, JetStreamApiException {
        try {
            kvm.getStatus(bucket);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != NOT_FOUND) {
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

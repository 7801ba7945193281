package io.noetl.app.bench;

import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.MessageConsumer;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The floor under the engine's figures: one JetStream publish (acked) until a durable pull consumer —
 * consumed the way the worker consumes commands ({@code ConsumerContext.consume}, explicit ack) — hands it over.
 */
final class RawRoundTrip {

    private static final int WARMUP = 200;
    /** The worker's pull batch at its default concurrency. */
    private static final int BATCH = 64;

    private RawRoundTrip() {
    }

    /** Histogram in microseconds of {@code samples} sequential round trips on a stream of its own. */
    static Histogram measure(Connection nc, String prefix, int samples) throws Exception {
        String stream = prefix + "BENCH_ROUNDTRIP";
        String subject = prefix + "bench.roundtrip";
        JetStreamManagement jsm = nc.jetStreamManagement();
        jsm.addStream(StreamConfiguration.builder().name(stream).subjects(subject)
                .storageType(StorageType.File).build());
        ConsumerContext consumer = nc.getStreamContext(stream).createOrUpdateConsumer(
                ConsumerConfiguration.builder().durable("roundtrip").ackPolicy(AckPolicy.Explicit).build());
        SynchronousQueue<Long> received = new SynchronousQueue<>();
        Histogram histogram = new Histogram(60_000_000L, 3);
        JetStream js = nc.jetStream();
        try (MessageConsumer ignored = consumer.consume(ConsumeOptions.builder().batchSize(BATCH).build(), msg -> {
            long sentAt = ByteBuffer.wrap(msg.getData()).getLong();
            msg.ack();
            try {
                received.put(System.nanoTime() - sentAt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            for (int i = 0; i < WARMUP + samples; i++) {
                js.publish(subject, ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array());
                Long nanos = received.poll(10, TimeUnit.SECONDS);
                if (nanos == null) {
                    throw new IOException("no message came back from " + stream + " within 10 s");
                }
                if (i >= WARMUP) {
                    histogram.recordValue(nanos / 1_000);
                }
            }
        } finally {
            deleteQuietly(jsm, stream);
        }
        return histogram;
    }

    private static void deleteQuietly(JetStreamManagement jsm, String stream) {
        try {
            jsm.deleteStream(stream);
        } catch (IOException | JetStreamApiException e) {
            // best effort: the stream has a private name and holds only timestamps
        }
    }
}

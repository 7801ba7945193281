package io.noetl.connectors.bridge;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.noetl.schemas.Names;
import io.noetl.schemas.Subjects;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every event of {@code NOETL_EVENTS} into the Kafka topic {@code noetl.events.raw}, unchanged: the record's
 * key is the execution id (the subject's last token), its value the message bytes, its headers the event type
 * ({@link Subjects#EVENT_TYPE_HEADER}, when the message has it) and the stream sequence
 * ({@link #STREAM_SEQUENCE_HEADER}). A JetStream message is acked only after Kafka acknowledged its record
 * (idempotent producer, {@code acks=all}); a failed write is nak'ed with a delay and redelivered. Any number of
 * instances share the durable consumer {@link Names#bridgeConsumer()}.
 *
 * <p>Order: one instance writes an execution's events in stream order, and they share a partition. A message
 * whose write failed comes back after the nak delay, possibly behind later events of its execution, and with
 * several instances two pulls may interleave; consumers that need stream order use the sequence header.
 */
public final class EventBridge implements AutoCloseable {

    /** Kafka header holding the JetStream stream sequence of the bridged message (decimal). */
    public static final String STREAM_SEQUENCE_HEADER = "Nats-Stream-Sequence";

    private static final Logger LOG = LoggerFactory.getLogger(EventBridge.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final long MAX_PAUSE_NANOS = Duration.ofSeconds(5).toNanos();

    private final Connection nc;
    private final BridgeSettings settings;
    private final String topic;
    private final Producer<String, byte[]> producer;
    private final Semaphore inFlight;
    private final LongAdder bridged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder redelivered = new LongAdder();
    private final AtomicLong lastFailureLog = new AtomicLong();
    /**
     * Until when (nano time) nothing is pulled and pulled messages are nak'ed unwritten, after a write failed for a
     * passing reason; the pause doubles with each failure in a row, from the nak delay up to 5 s.
     */
    private volatile long kafkaDownUntil = System.nanoTime();
    private volatile int failureStreak;
    private final DurablePull pull;

    private EventBridge(Connection nc, Names names, BridgeSettings settings, String clientId) {
        this.nc = nc;
        this.settings = settings;
        this.topic = names.rawEventsTopic();
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.producer = new KafkaProducer<>(settings.producerProperties(clientId));
        this.pull = DurablePull.start(nc, names.eventsStream(), consumerConfig(names, settings),
                settings.fetchBatch(), settings.pullExpiry(), this::room, this::forward, clientId);
        LOG.info("bridging {} to Kafka {} at {} as {}", names.eventsWildcard(), topic, settings.bootstrapServers(),
                names.bridgeConsumer());
    }

    /**
     * Starts bridging on {@code nc} (owned by the caller, closed after this bridge). Returns at once: the pulling
     * waits for the events stream when it does not exist yet.
     */
    public static EventBridge start(Connection nc, Names names, BridgeSettings settings) {
        return new EventBridge(nc, names, settings, names.prefix() + "noetl-bridge-" + Long.toHexString(System.nanoTime()));
    }

    /** The durable consumer every instance binds to. */
    static ConsumerConfiguration consumerConfig(Names names, BridgeSettings settings) {
        return ConsumerConfiguration.builder()
                .durable(names.bridgeConsumer())
                .filterSubject(names.eventsWildcard())
                .ackPolicy(AckPolicy.Explicit)
                .deliverPolicy(DeliverPolicy.All)
                .ackWait(settings.ackWait())
                .maxAckPending(settings.maxAckPending())
                .maxDeliver(-1)
                .build();
    }

    /** How many more messages to pull: none while Kafka is failing, so they wait in JetStream instead of cycling. */
    private int room() {
        return System.nanoTime() < kafkaDownUntil ? 0 : inFlight.availablePermits();
    }

    private void forward(Message msg) throws InterruptedException {
        inFlight.acquire(); // the pull asked for no more than there are permits: this does not wait
        long sequence = msg.metaData().streamSequence();
        if (msg.metaData().deliveredCount() > 1) {
            redelivered.increment();
        }
        if (System.nanoTime() < kafkaDownUntil) {
            // a write just failed for a passing reason: don't block the pull on Kafka, let JetStream keep it
            settle(msg, sequence, null, false);
            return;
        }
        RecordHeaders headers = new RecordHeaders();
        String type = msg.hasHeaders() ? msg.getHeaders().getFirst(Subjects.EVENT_TYPE_HEADER) : null;
        if (type != null) {
            headers.add(Subjects.EVENT_TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        }
        headers.add(STREAM_SEQUENCE_HEADER, Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, null, executionId(msg.getSubject()), msg.getData(), headers);
        try {
            producer.send(record, (metadata, error) -> settle(msg, sequence, error, error == null));
        } catch (RuntimeException e) {
            // the producer is closed or the record cannot be serialized: the callback is not called
            settle(msg, sequence, e, false);
        }
    }

    /** Acks {@code msg} when {@code written}, else naks it for a later retry. */
    private void settle(Message msg, long sequence, Exception error, boolean written) {
        inFlight.release();
        try {
            if (written) {
                msg.ack();
                bridged.increment();
                failureStreak = 0;
            } else {
                msg.nakWithDelay(settings.nakDelay());
                if (error != null) {
                    failed.increment();
                    if (error instanceof RetriableException) {
                        long pause = Math.min(MAX_PAUSE_NANOS, settings.nakDelay().toNanos() << Math.min(5, failureStreak++));
                        kafkaDownUntil = System.nanoTime() + pause;
                    }
                    logFailure(sequence, error);
                }
            }
        } catch (RuntimeException e) {
            // the connection is gone: JetStream redelivers the message after the ack wait
            LOG.debug("settling stream sequence {} failed: {}", sequence, e.toString());
        }
    }

    private void logFailure(long sequence, Exception error) {
        long now = System.currentTimeMillis();
        long last = lastFailureLog.get();
        if (now - last > 5_000 && lastFailureLog.compareAndSet(last, now)) {
            LOG.warn("Kafka write of stream sequence {} failed, nak'ed for redelivery in {} ({} failures so far): {}",
                    sequence, settings.nakDelay(), failed.sum(), error.toString());
        }
    }

    /** The last token of {@code noetl.events.<execution_id>}. */
    static String executionId(String subject) {
        return subject.substring(subject.lastIndexOf('.') + 1);
    }

    /** Events written to Kafka and acked on JetStream. */
    public long bridged() {
        return bridged.sum();
    }

    /** Kafka writes that failed (each message nak'ed for redelivery; those nak'ed unwritten right after are not counted). */
    public long failed() {
        return failed.sum();
    }

    /** Messages that came a second time or later (after a nak, a lost ack or a crashed instance). */
    public long redelivered() {
        return redelivered.sum();
    }

    /** Messages sent to Kafka and not settled yet. */
    public int inFlight() {
        return settings.maxInFlight() - inFlight.availablePermits();
    }

    /**
     * Stops pulling, lets the last pull's messages go to Kafka, waits (up to 10 s) for Kafka to acknowledge what is in
     * flight and acks it; what Kafka did not acknowledge by then is nak'ed and redelivered to another instance.
     */
    @Override
    public void close() {
        pull.close();
        // waits for what is in flight; past the timeout the rest fails, and its callbacks nak it
        producer.close(CLOSE_TIMEOUT);
        try {
            nc.flush(Duration.ofSeconds(2));
        } catch (Exception e) {
            // the acks may not have left; JetStream redelivers what it did not see acked
            LOG.debug("flushing acks: {}", e.toString());
        }
        LOG.info("bridge stopped: {} bridged, {} failed writes, {} redelivered", bridged(), failed(), redelivered());
    }
}

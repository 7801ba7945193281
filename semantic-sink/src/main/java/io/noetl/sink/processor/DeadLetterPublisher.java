package io.noetl.sink.processor;

import io.noetl.schemas.Json;
import io.noetl.schemas.stream.DeadLetter;
import io.noetl.sink.index.RejectedRecord;
import io.noetl.sink.index.SinkUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The sink's dead-letter path: each record an index refused goes to the dead-letter topic with the index's name before
 * the reason, its origin and its original bytes, under its original key. {@link #send} returns only once every letter
 * is acknowledged, so the batch's offsets may be committed after it.
 */
final class DeadLetterPublisher implements AutoCloseable {

    private static final long ACK_SECONDS = 30;

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final Duration closeTimeout;

    /**
     * @param producer     the producer the letters go through (closed by {@link #close()})
     * @param topic        the dead-letter topic
     * @param closeTimeout how long {@link #close()} waits for letters still being sent
     */
    DeadLetterPublisher(Producer<byte[], byte[]> producer, String topic, Duration closeTimeout) {
        this.producer = producer;
        this.topic = topic;
        this.closeTimeout = closeTimeout;
    }

    /**
     * A record refused by one index.
     *
     * @param index    the index's wire name
     * @param rejected the record and the index's reason
     */
    record Refusal(String index, RejectedRecord rejected) {
    }

    /** @return the dead-letter topic */
    String topic() {
        return topic;
    }

    /**
     * Sends one dead letter per refusal and waits for their acks.
     *
     * @throws SinkUnavailableException when the topic does not acknowledge them all in time
     */
    void send(List<Refusal> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(refusals.size());
        Instant now = Instant.now();
        for (Refusal refusal : refusals) {
            ConsumerRecord<byte[], byte[]> r = refusal.rejected().record();
            acks.add(producer.send(new ProducerRecord<>(topic, r.key(), Json.bytes(letter(refusal, now)))));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(ACK_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new SinkUnavailableException("send " + refusals.size() + " dead letters to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkUnavailableException("interrupted while sending dead letters to " + topic, e);
        }
    }

    /** @return the letter for one refusal: the index's name before the reason, the original bytes (empty for none) */
    static DeadLetter letter(Refusal refusal, Instant failedAt) {
        ConsumerRecord<byte[], byte[]> r = refusal.rejected().record();
        byte[] original = r.value() == null ? new byte[0] : r.value();
        return new DeadLetter(refusal.index() + ": " + refusal.rejected().reason(), r.topic(), r.partition(),
                r.offset(), failedAt, original, original.length);
    }

    @Override
    public void close() {
        producer.close(closeTimeout);
    }
}

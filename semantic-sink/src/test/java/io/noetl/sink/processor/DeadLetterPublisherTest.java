package io.noetl.sink.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.schemas.Json;
import io.noetl.schemas.stream.DeadLetter;
import io.noetl.sink.index.RejectedRecord;
import io.noetl.sink.index.SinkUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class DeadLetterPublisherTest {

    @Test
    void aLetterNamesTheIndexBeforeTheReasonAndKeepsTheOriginalBytesAndKey() {
        MockProducer<byte[], byte[]> producer = producer(true);
        DeadLetterPublisher publisher = new DeadLetterPublisher(producer, "sink.dlq", Duration.ofSeconds(1));
        ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("noetl.events", 2, 41, bytes("exec-1"),
                bytes("{not json"));

        publisher.send(List.of(new DeadLetterPublisher.Refusal("vectors", new RejectedRecord(r, "malformed JSON"))));

        assertThat(producer.history()).hasSize(1);
        ProducerRecord<byte[], byte[]> sent = producer.history().getFirst();
        assertThat(sent.topic()).isEqualTo("sink.dlq");
        assertThat(sent.key()).isEqualTo(bytes("exec-1"));
        DeadLetter letter = Json.read(sent.value(), DeadLetter.class);
        assertThat(letter.reason()).isEqualTo("vectors: malformed JSON");
        assertThat(letter.sourceTopic()).isEqualTo("noetl.events");
        assertThat(letter.partition()).isEqualTo(2);
        assertThat(letter.offset()).isEqualTo(41);
        assertThat(letter.originalBytes()).isEqualTo(bytes("{not json"));
        assertThat(letter.originalSize()).isEqualTo(9);
    }

    @Test
    void aRecordWithNoValueKeepsEmptyOriginalBytes() {
        ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("noetl.events", 0, 1, null, null);
        DeadLetter letter = DeadLetterPublisher.letter(
                new DeadLetterPublisher.Refusal("analytics", new RejectedRecord(r, "no value")), null);
        assertThat(letter.originalBytes()).isEmpty();
        assertThat(letter.originalSize()).isZero();
        assertThat(letter.reason()).isEqualTo("analytics: no value");
    }

    @Test
    void nothingToSendSendsNothing() {
        MockProducer<byte[], byte[]> producer = producer(true);
        new DeadLetterPublisher(producer, "sink.dlq", Duration.ofSeconds(1)).send(List.of());
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void aLetterNotAcknowledgedMakesTheSinkUnavailableNamingTheTopic() throws InterruptedException {
        MockProducer<byte[], byte[]> producer = producer(false);
        DeadLetterPublisher publisher = new DeadLetterPublisher(producer, "sink.dlq", Duration.ofSeconds(1));
        ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("noetl.events", 0, 1, null, bytes("x"));
        Thread broker = Thread.ofVirtual().start(() -> {
            while (producer.history().isEmpty()) {
                Thread.onSpinWait();
            }
            producer.errorNext(new TimeoutException("no ack"));
        });

        assertThatThrownBy(() -> publisher.send(
                List.of(new DeadLetterPublisher.Refusal("vectors", new RejectedRecord(r, "bad")))))
                .isInstanceOf(SinkUnavailableException.class)
                .hasMessageContaining("sink.dlq")
                .hasRootCauseInstanceOf(TimeoutException.class);
        broker.join();
    }

    @Test
    void closingClosesTheProducer() {
        MockProducer<byte[], byte[]> producer = producer(true);
        new DeadLetterPublisher(producer, "sink.dlq", Duration.ofSeconds(1)).close();
        assertThat(producer.closed()).isTrue();
    }

    private static MockProducer<byte[], byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

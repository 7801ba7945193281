package io.noetl.sink.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.sink.index.IndexTarget;
import io.noetl.sink.index.SinkUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelinedWriterTest {

    private final FakeIndex index = new FakeIndex(IndexTarget.VECTORS);
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final List<List<Long>> committed = new CopyOnWriteArrayList<>();
    private final List<List<Long>> readAgain = new CopyOnWriteArrayList<>();
    private final PipelinedWriter pipeline = new PipelinedWriter(
            new BatchWriter(List.of(index), new DeadLetterPublisher(producer, "dlq", Duration.ofSeconds(1))),
            new PipelinedWriter.Offsets() {
                @Override
                public void commit(List<ConsumerRecord<byte[], byte[]>> batch, BatchWriter.Outcome outcome) {
                    committed.add(offsets(batch));
                }

                @Override
                public void readAgain(List<ConsumerRecord<byte[], byte[]>> dropped) {
                    readAgain.add(offsets(dropped));
                }
            }, "test-writer");

    @AfterEach
    void close() {
        index.release();
        pipeline.close();
    }

    @Test
    void theNextBatchIsReadWhileOneIsWrittenAndBatchesAreCommittedInOrderAfterTheirWrite() {
        index.hold();
        pipeline.add(records(0, 3));
        assertThat(pipeline.flush()).isNull();
        assertThat(pipeline.batch()).isEmpty();
        pipeline.add(records(3, 5));
        assertThat(committed).isEmpty();

        index.release();
        assertThat(pipeline.flush()).isNull();
        assertThat(pipeline.complete()).isNull();

        assertThat(committed).containsExactly(List.of(0L, 1L, 2L), List.of(3L, 4L));
        assertThat(index.writes()).containsExactly(List.of(0L, 1L, 2L), List.of(3L, 4L));
        assertThat(readAgain).isEmpty();
    }

    @Test
    void aFailedWriteTakesBackItsBatchAndWhatWasReadAfterItIsReadAgain() {
        index.failNext(1);
        pipeline.add(records(0, 3));
        pipeline.flush();
        pipeline.add(records(3, 5));

        RuntimeException failure = pipeline.flush();

        assertThat(failure).isInstanceOf(SinkUnavailableException.class);
        assertThat(offsets(pipeline.batch())).containsExactly(0L, 1L, 2L);
        assertThat(readAgain).containsExactly(List.of(3L, 4L));
        assertThat(committed).isEmpty();

        pipeline.writeNow();
        assertThat(committed).containsExactly(List.of(0L, 1L, 2L));
        assertThat(pipeline.batch()).isEmpty();
    }

    @Test
    void aBatchWrittenNowStaysInHandWhenTheWriteFails() {
        index.failNext(1);
        pipeline.add(records(0, 2));
        try {
            pipeline.writeNow();
        } catch (SinkUnavailableException expected) {
            // the batch stays in hand for the next attempt
        }
        assertThat(offsets(pipeline.batch())).containsExactly(0L, 1L);
        assertThat(committed).isEmpty();
    }

    @Test
    void droppingAllForgetsTheBatchInFlightAndTheBatchInHandUncommitted() {
        pipeline.add(records(0, 2));
        pipeline.flush();
        pipeline.add(records(2, 3));

        assertThat(offsets(pipeline.dropAll())).containsExactly(0L, 1L, 2L);
        assertThat(pipeline.batch()).isEmpty();
        assertThat(pipeline.complete()).isNull();
        assertThat(committed).isEmpty();
    }

    @Test
    void aRecordRefusedByTwoIndexesIsOneRefusedRecordAndTwoDeadLetters() {
        FakeIndex other = new FakeIndex(IndexTarget.ANALYTICS);
        BatchWriter writer = new BatchWriter(List.of(index, other),
                new DeadLetterPublisher(producer, "dlq", Duration.ofSeconds(1)));
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(record(0, "ok"), record(1, "bad"));

        BatchWriter.Outcome outcome = writer.write(batch);

        assertThat(outcome).isEqualTo(new BatchWriter.Outcome(2, 1));
        assertThat(producer.history()).hasSize(2);
        assertThat(index.currentVersion()).as("the first batch switches to version 1").isEqualTo(1);
    }

    private static ConsumerRecords<byte[], byte[]> records(long from, long to) {
        List<ConsumerRecord<byte[], byte[]>> list = LongStream.range(from, to).mapToObj(o -> record(o, "ok")).toList();
        return new ConsumerRecords<>(Map.of(new TopicPartition(FakeIndex.TOPIC, 0), list));
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, String value) {
        return new ConsumerRecord<>(FakeIndex.TOPIC, 0, offset, null, value.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Long> offsets(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(ConsumerRecord::offset).toList();
    }
}

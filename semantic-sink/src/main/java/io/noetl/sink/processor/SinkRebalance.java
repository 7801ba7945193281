package io.noetl.sink.processor;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The sink loop's rebalance listener: finishes or drops the batch when partitions are revoked, forgets what was read
 * when they are lost, and keeps new partitions paused during an outage. Runs on the polling thread, inside a poll.
 */
final class SinkRebalance implements ConsumerRebalanceListener {

    private final SinkLoop loop;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final PipelinedWriter pipeline;
    private final Outage outage;

    SinkRebalance(SinkLoop loop, KafkaConsumer<byte[], byte[]> consumer, PipelinedWriter pipeline, Outage outage) {
        this.loop = loop;
        this.consumer = consumer;
        this.pipeline = pipeline;
        this.outage = outage;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // the batch being written first: committed while these partitions are still ours, or back in hand
        loop.completeInFlight();
        List<ConsumerRecord<byte[], byte[]>> held = pipeline.batch();
        if (held.isEmpty() || !touches(held, partitions)) {
            return;
        }
        if (!loop.tryFlush("rebalance")) {
            rewindKept(held, partitions);
        }
        leaveOutage();
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        // another member may own them already: never commit, just forget what was read
        rewindKept(pipeline.dropAll(), partitions);
        leaveOutage();
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (outage.active()) {
            consumer.pause(partitions);
        }
    }

    private static boolean touches(List<ConsumerRecord<byte[], byte[]>> batch, Collection<TopicPartition> partitions) {
        Set<TopicPartition> gone = new HashSet<>(partitions);
        return batch.stream().anyMatch(r -> gone.contains(BatchOffsets.partition(r)));
    }

    /** A dropped batch's records of partitions still owned are read again from their first offset. */
    private void rewindKept(List<ConsumerRecord<byte[], byte[]>> dropped, Collection<TopicPartition> gone) {
        Set<TopicPartition> owned = new HashSet<>(consumer.assignment());
        owned.removeAll(gone);
        loop.rewind(dropped, owned);
    }

    private void leaveOutage() {
        if (outage.active() && pipeline.batch().isEmpty()) {
            loop.resume();
        }
    }
}

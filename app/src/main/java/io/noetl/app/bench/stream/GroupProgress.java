package io.noetl.app.bench.stream;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group (a Kafka Streams application id) has committed through an input topic. */
final class GroupProgress {

    private final Admin admin;

    GroupProgress(Admin admin) {
        this.admin = admin;
    }

    /** Sum over partitions of the log end offsets of {@code topic}. */
    long endOffsets(String topic, int partitions) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> ask = partitions(topic, partitions).stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(ask).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
    }

    /** Sum over partitions of {@code group}'s committed offsets on {@code topic} (0 where none). */
    long committed(String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /**
     * Waits until {@code group} has committed {@code target} offsets on {@code topic}.
     *
     * @return true when reached, false on timeout
     */
    boolean await(String group, String topic, long target, Duration timeout)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (committed(group, topic) >= target) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static Collection<TopicPartition> partitions(String topic, int partitions) {
        return java.util.stream.IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }
}

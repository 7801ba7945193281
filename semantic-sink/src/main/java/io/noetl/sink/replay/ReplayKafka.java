package io.noetl.sink.replay;

import io.noetl.sink.index.SinkIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Kafka side of a replay: partitions, offsets and the replay's consumer groups. */
final class ReplayKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayKafka.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReplaySettings settings;
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> offsets;

    ReplayKafka(ReplaySettings settings) {
        this.settings = settings;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.prefix() + "noetl-replay-admin");
        this.admin = Admin.create(props);
        this.offsets = consumer(settings, null);
    }

    /** A consumer of raw records; commits only when asked, into {@code group} (null: no group). */
    static KafkaConsumer<byte[], byte[]> consumer(ReplaySettings settings, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.prefix() + "noetl-replay-" + UUID.randomUUID());
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(settings.batchSize()));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a replay reads what exists; asking for a missing topic must not create it
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Plans a full replay: resumes the newest version above the current one whose group has committed offsets and
     * that takes this index's writes ({@link SinkIndex#writeRefusal}: a version begun by another embedder does
     * not), else drops the unfinished versions and creates max + 1.
     */
    ReplayPlan planFull(SinkIndex index) {
        int current = index.currentVersion();
        List<Integer> newer = new ArrayList<>(index.versions().stream().filter(v -> v > current).toList());
        newer.sort((a, b) -> Integer.compare(b, a));
        List<TopicPartition> partitions = partitions(index);
        Map<TopicPartition, Long> end = offsets.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> begin = offsets.beginningOffsets(partitions, TIMEOUT);
        for (int v : newer) {
            String group = ReplayJob.groupId(settings.prefix(), index, v);
            Optional<String> refused = index.writeRefusal(v);
            if (refused.isPresent()) {
                // an unfinished replay by another embedder: resuming it would mix vectors, so it starts over
                LOG.warn("not resuming version {} of {}: {}", v, index.target().wireName(), refused.get());
                deleteGroup(group);
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
            if (!committed.isEmpty()) {
                Map<TopicPartition, Long> start = new HashMap<>(begin);
                committed.forEach((tp, om) -> {
                    if (om != null && start.containsKey(tp)) {
                        start.put(tp, Math.max(begin.get(tp), Math.min(om.offset(), end.get(tp))));
                    }
                });
                return new ReplayPlan(index, current, v, group, true, start, end);
            }
        }
        for (int v : newer) {
            // an unfinished replay that never committed, or one of another embedder: nothing of it can be resumed
            LOG.info("dropping unfinished version {} of {} (not resumable)", v,
                    index.target().wireName());
            index.dropVersion(v);
        }
        int next = Math.max(current, index.versions().stream().mapToInt(Integer::intValue).max().orElse(0)) + 1;
        index.createVersion(next);
        return new ReplayPlan(index, current, next, ReplayJob.groupId(settings.prefix(), index, next), false, begin,
                end);
    }

    /** Plans a repair of the current version from {@code since} on. */
    ReplayPlan planSince(SinkIndex index, Instant since) {
        int current = index.currentVersion();
        if (current == 0) {
            throw new IllegalStateException("the " + index.target().wireName()
                    + " index has no current version to repair; run a full replay (without --since) first");
        }
        List<TopicPartition> partitions = partitions(index);
        Map<TopicPartition, Long> end = offsets.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(tp -> times.put(tp, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = offsets.offsetsForTimes(times, TIMEOUT);
        Map<TopicPartition, Long> start = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp at = found.get(tp);
            start.put(tp, at == null ? end.get(tp) : Math.min(at.offset(), end.get(tp)));
        }
        return new ReplayPlan(index, current, current, null, false, start, end);
    }

    /** Moves the plan's end offsets to the topics' end now; returns how many records that adds. */
    long extendToEnd(ReplayPlan plan) {
        long before = plan.remaining();
        plan.end.putAll(offsets.endOffsets(new ArrayList<>(plan.end.keySet()), TIMEOUT));
        return plan.remaining() - before;
    }

    /** Deletes a replay group once its replay is done; a group that is already gone is fine. */
    void deleteGroup(String group) {
        if (group == null) {
            return;
        }
        try {
            admin.deleteConsumerGroups(List.of(group)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                LOG.warn("could not delete replay consumer group {}: {}", group, e.getCause().toString());
            }
        } catch (TimeoutException e) {
            LOG.warn("could not delete replay consumer group {} within {}", group, TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> map = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
            map.forEach((tp, om) -> {
                if (om != null) {
                    present.put(tp, om);
                }
            });
            return present;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw new IllegalStateException("read committed offsets of " + group + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("read committed offsets of " + group + ": no answer within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading committed offsets of " + group, e);
        }
    }

    private List<TopicPartition> partitions(SinkIndex index) {
        List<TopicPartition> out = new ArrayList<>();
        for (String topic : index.topics()) {
            List<PartitionInfo> infos = offsets.partitionsFor(topic, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                LOG.warn("topic {} of the {} index has no partitions; nothing to read from it", topic,
                        index.target().wireName());
                continue;
            }
            infos.forEach(p -> out.add(new TopicPartition(p.topic(), p.partition())));
        }
        return out;
    }

    @Override
    public void close() {
        offsets.close();
        admin.close(TIMEOUT);
    }
}

package io.noetl.connectors.kafka;

import io.noetl.schemas.Names;
import io.noetl.schemas.wire.TopicSpec;
import io.noetl.schemas.wire.WireLayout;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's Kafka topics ({@link WireLayout#topics}) — the one place every role that uses Kafka ensures
 * them; safe to run on every start and from several instances at once. Existing topics are left as they are.
 */
public final class KafkaTopics {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);
    private static final long TIMEOUT_SECONDS = 60;

    private KafkaTopics() {
    }

    /**
     * What {@link #ensure} found and did.
     *
     * @param created  topics created by this call
     * @param existing topics that were already there
     * @param problems existing topics that differ from what was asked (fewer partitions), one sentence each
     */
    public record Report(List<String> created, List<String> existing, List<String> problems) {
        public Report {
            created = List.copyOf(created);
            existing = List.copyOf(existing);
            problems = List.copyOf(problems);
        }
    }

    /** The topics ({@link WireLayout#topics}) and the configuration each is created with. */
    public static Map<String, Map<String, String>> specs(Names names, TopicSettings settings) {
        Map<String, Map<String, String>> specs = new LinkedHashMap<>();
        for (TopicSpec spec : WireLayout.topics(names, settings.eventsRetention())) {
            specs.put(spec.name(), spec.configs());
        }
        return specs;
    }

    /** Creates the missing topics; reports (and logs a warning for) existing ones with fewer partitions. */
    public static Report ensure(Admin admin, Names names, TopicSettings settings) {
        Map<String, Map<String, String>> specs = specs(names, settings);
        try {
            Set<String> present = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            specs.forEach((name, configs) -> {
                if (!present.contains(name)) {
                    missing.add(new NewTopic(name, settings.partitions(), settings.replicationFactor()).configs(configs));
                }
            });
            List<String> created = new ArrayList<>();
            Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
            for (Map.Entry<String, KafkaFuture<Void>> e : results.entrySet()) {
                try {
                    e.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    created.add(e.getKey());
                    LOG.info("created Kafka topic {} ({} partitions, replication {}{})", e.getKey(),
                            settings.partitions(), settings.replicationFactor(), describe(specs.get(e.getKey())));
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw ex;
                    }
                    // another instance created it between our listing and our request
                }
            }
            List<String> existing = specs.keySet().stream().filter(t -> !created.contains(t)).toList();
            Map<String, TopicDescription> described = awaitVisible(admin, specs.keySet());
            awaitLeaders(admin, described, created);
            return new Report(created, existing, checkPartitions(described, existing, settings));
        } catch (ExecutionException e) {
            throw new IllegalStateException("ensure Kafka topics " + specs.keySet() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("ensure Kafka topics " + specs.keySet() + ": no answer from Kafka within "
                    + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ensuring Kafka topics", e);
        }
    }

    /**
     * A new topic reaches the brokers' metadata a moment after its creation was acknowledged; a producer writing
     * to it before then blocks or fails, so this returns only once every topic can be described.
     */
    private static Map<String, TopicDescription> awaitVisible(Admin admin, Collection<String> topics)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                return admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /**
     * A new partition answers produce requests only once its leader took over; a writer that comes earlier gets
     * retriable errors, and an idempotent producer can then stall on out-of-order sequence numbers until its
     * delivery timeout. Asking every new partition's leader for its end offset waits for exactly that.
     */
    private static void awaitLeaders(Admin admin, Map<String, TopicDescription> described, List<String> created)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (String topic : created) {
            described.get(topic).partitions()
                    .forEach(p -> partitions.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!partitions.isEmpty()) {
            try {
                admin.listOffsets(partitions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private static List<String> checkPartitions(Map<String, TopicDescription> described, List<String> existing,
                                                TopicSettings settings) {
        List<String> problems = new ArrayList<>();
        for (String topic : existing) {
            int have = described.get(topic).partitions().size();
            if (have < settings.partitions()) {
                String problem = "Kafka topic " + topic + " exists with " + have + " partitions, fewer than the "
                        + settings.partitions() + " asked for; it is kept as it is (fewer partitions limit how many "
                        + "instances share the work; add partitions with kafka-topics.sh --alter --partitions "
                        + settings.partitions() + ", which changes the partition of existing keys)";
                LOG.warn("{}", problem);
                problems.add(problem);
            }
        }
        return problems;
    }

    private static String describe(Map<String, String> configs) {
        return configs.isEmpty() ? "" : ", " + configs;
    }
}

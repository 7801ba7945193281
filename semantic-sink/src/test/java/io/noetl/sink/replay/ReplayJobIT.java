package io.noetl.sink.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.sink.embed.HashingEmbedder;
import io.noetl.sink.embed.MiniLmEmbedder;
import io.noetl.sink.index.EmbedderMarks;
import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.stores.embed.Embedder;
import io.noetl.stores.vector.PointIds;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.testkit.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays against a real Kafka broker into a real embedded vector store. */
class ReplayJobIT {

    private static final int PARTITIONS = 3;

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    private String prefix;
    private String topic;
    private Admin admin;
    private KafkaProducer<byte[], byte[]> producer;
    private EmbeddedVectorStore store;
    private int produced;

    @BeforeEach
    void setUp() throws Exception {
        prefix = "rp" + UUID.randomUUID().toString().substring(0, 8) + ".";
        topic = prefix + "noetl.events";
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        admin = Admin.create(props);
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        store = EmbeddedVectorStore.open(dir.resolve("vectors"));
    }

    @AfterEach
    void tearDown() {
        producer.close();
        admin.close();
        store.close();
    }

    private TestVectorIndex index(int dimension) {
        return index(new HashingEmbedder(dimension));
    }

    private TestVectorIndex index(Embedder embedder) {
        return new TestVectorIndex(store, "failures", Set.of(topic), embedder);
    }

    private ReplaySettings settings() {
        return ReplaySettings.defaults(broker.bootstrapServers(), prefix).withBatchSize(50)
                .withLiveBatchTime(Duration.ZERO);
    }

    private void produce(int n, Instant time) throws Exception {
        for (int i = 0; i < n; i++) {
            int k = produced++;
            String value = "{\"event_id\":\"ev-" + k + "\",\"text\":\"" + text(k) + "\"}";
            producer.send(new ProducerRecord<>(topic, null, time.toEpochMilli(), ("ex-" + k % 17).getBytes(
                    StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    /** Text that differs in words (the embedder ignores numbers): {@code step failed with code bcd}. */
    private static String text(int k) {
        StringBuilder word = new StringBuilder();
        for (int n = k + 26; n > 0; n /= 26) {
            word.append((char) ('a' + n % 26));
        }
        return "step failed with code " + word;
    }

    /** Writes the records into a first version and makes it current, as a live sink would have. */
    private void buildV1(TestVectorIndex index, int n) throws Exception {
        index.createVersion(1);
        index.switchTo(1);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String value = "{\"event_id\":\"old-" + k + "\",\"text\":\"old " + text(k) + "\"}";
            records.add(new ConsumerRecord<>(topic, 0, k, new byte[0], value.getBytes(StandardCharsets.UTF_8)));
        }
        index.write(1, records);
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
                return Map.of();
            }
            throw e;
        }
    }

    @Test
    @DisplayName("a full replay builds the next version with every record, readers keep the old one until the switch,"
            + " records arriving during the switch are caught up, and the old version and the group are removed")
    void fullReplayBuildsNextVersionAndSwitches() throws Exception {
        TestVectorIndex index = index(384);
        buildV1(index, 40);
        produce(300, Instant.now());
        List<String> seenDuringCopy = new CopyOnWriteArrayList<>();
        index.afterWrite(v -> {
            if (v == 2 && index.currentVersion() == 1) {
                // a reader's query through the alias still answers from version 1
                seenDuringCopy.add(store.count("failures") + ":" + store.search("failures",
                        SearchRequest.of(new HashingEmbedder(384).embed("old " + text(3)), 10)).getFirst().payload().key());
            }
        });
        index.failNext(2);
        ReplayJob job = new ReplayJob("vectors", List.of(index), settings(), Clock.systemUTC());
        Thread live = Thread.ofVirtual().start(() -> {
            // a record a live sink would have written into the old version while readers switch
            while (job.progress().state() != ReplayState.SWITCHING) {
                Thread.onSpinWait();
            }
            try {
                produce(20, Instant.now());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        ReplayProgress end = job.run();
        live.join(10_000);

        assertThat(end.state()).as("error: %s", end.error()).isEqualTo(ReplayState.COMPLETED);
        assertThat(end.fromVersion()).isEqualTo(1);
        assertThat(end.toVersion()).isEqualTo(2);
        assertThat(end.done()).isEqualTo(320);
        assertThat(end.total()).isEqualTo(320);
        assertThat(index.currentVersion()).isEqualTo(2);
        assertThat(index.versions()).containsExactly(2);
        assertThat(index.count(2)).isEqualTo(320);
        assertThat(seenDuringCopy).isNotEmpty().allMatch(s -> s.equals("40:old-3"));
        assertThat(committed(ReplayJob.groupId(prefix, index, 2))).isEmpty();
    }

    @Test
    @DisplayName("a replay stopped half-way leaves the old version current, and the next run resumes from its"
            + " committed offsets to the same final counts")
    void interruptedReplayResumes() throws Exception {
        TestVectorIndex index = index(384);
        buildV1(index, 10);
        produce(600, Instant.now());
        AtomicInteger writes = new AtomicInteger();
        ReplayJob first = new ReplayJob("vectors", List.of(index), settings(), Clock.systemUTC());
        index.afterWrite(v -> {
            if (writes.incrementAndGet() == 3) {
                first.close();
            }
        });

        ReplayProgress stopped = first.run();

        assertThat(stopped.state()).isEqualTo(ReplayState.FAILED);
        assertThat(stopped.error()).contains("resume");
        assertThat(index.currentVersion()).isEqualTo(1);
        assertThat(index.count(1)).isEqualTo(10);
        assertThat(index.versions()).containsExactly(1, 2);
        long copied = stopped.done();
        assertThat(copied).isBetween(1L, 599L);
        assertThat(committed(ReplayJob.groupId(prefix, index, 2))).isNotEmpty();

        index.afterWrite(v -> { });
        ReplayProgress second = new ReplayJob("vectors", List.of(index), settings(), Clock.systemUTC()).run();

        assertThat(second.state()).as("error: %s", second.error()).isEqualTo(ReplayState.COMPLETED);
        assertThat(second.toVersion()).isEqualTo(2);
        assertThat(second.total()).as("records re-read on resume").isEqualTo(600 - copied);
        assertThat(index.currentVersion()).isEqualTo(2);
        assertThat(index.versions()).containsExactly(2);
        assertThat(index.count(2)).isEqualTo(600);
    }

    @Test
    @DisplayName("a stop once readers were switched waits for the catch-up and the replay completes")
    void stopAfterSwitchStillCompletes() throws Exception {
        TestVectorIndex index = index(384);
        buildV1(index, 5);
        produce(80, Instant.now());
        ReplayJob job = new ReplayJob("vectors", List.of(index), settings(), Clock.systemUTC());
        Thread stopper = Thread.ofVirtual().start(() -> {
            while (job.progress().state() != ReplayState.SWITCHING) {
                Thread.onSpinWait();
            }
            job.close();
        });

        ReplayProgress end = job.run();
        stopper.join(10_000);

        assertThat(end.state()).as("error: %s", end.error()).isEqualTo(ReplayState.COMPLETED);
        assertThat(index.currentVersion()).isEqualTo(2);
        assertThat(index.versions()).containsExactly(2);
        assertThat(index.count(2)).isEqualTo(80);
    }

    @Test
    @DisplayName("--since re-writes only the records from that time into the current version, without a new version")
    void sinceRewritesCurrentVersionOnly() throws Exception {
        TestVectorIndex index = index(384);
        index.createVersion(1);
        index.switchTo(1);
        Instant t0 = Instant.now().minus(Duration.ofMinutes(30));
        produce(100, t0.minus(Duration.ofHours(1)));
        produce(70, t0.plusSeconds(5));

        ReplayProgress end = new ReplayJob("vectors", List.of(index), settings().withSince(t0), Clock.systemUTC())
                .run();

        assertThat(end.state()).as("error: %s", end.error()).isEqualTo(ReplayState.COMPLETED);
        assertThat(end.fromVersion()).isEqualTo(1);
        assertThat(end.toVersion()).isEqualTo(1);
        assertThat(end.total()).isEqualTo(70);
        assertThat(index.versions()).containsExactly(1);
        assertThat(index.count(1)).isEqualTo(70);
        assertThat(store.get(index.collection(1), io.noetl.stores.vector.PointIds.of("ev-100"))).isPresent();
        assertThat(store.get(index.collection(1), io.noetl.stores.vector.PointIds.of("ev-99"))).isEmpty();
    }

    @Test
    @DisplayName("--since without a current version fails with a reason naming the full replay")
    void sinceWithoutCurrentVersionFails() {
        ReplayProgress end = new ReplayJob("vectors", List.of(index(384)),
                settings().withSince(Instant.now().minusSeconds(60)), Clock.systemUTC()).run();

        assertThat(end.state()).isEqualTo(ReplayState.FAILED);
        assertThat(end.error()).contains("no current version").contains("full replay");
    }

    @Test
    @DisplayName("a replay after switching the embedder from 384 to 256 dimensions gives a version made only of"
            + " new vectors")
    void replayAfterEmbedderChangeIsConsistent() throws Exception {
        produce(120, Instant.now());
        TestVectorIndex before = index(384);
        ReplayProgress first = new ReplayJob("vectors", List.of(before), settings(), Clock.systemUTC()).run();
        assertThat(first.state()).as("error: %s", first.error()).isEqualTo(ReplayState.COMPLETED);
        assertThat(store.dimension("failures")).isEqualTo(384);

        TestVectorIndex after = index(256);
        ReplayProgress second = new ReplayJob("vectors", List.of(after), settings(), Clock.systemUTC()).run();

        assertThat(second.state()).as("error: %s", second.error()).isEqualTo(ReplayState.COMPLETED);
        assertThat(second.fromVersion()).isEqualTo(1);
        assertThat(second.toVersion()).isEqualTo(2);
        assertThat(after.versions()).containsExactly(2);
        assertThat(store.dimension("failures")).isEqualTo(256);
        assertThat(after.count(2)).isEqualTo(120);
        HashingEmbedder e256 = new HashingEmbedder(256);
        var hit = store.search("failures", SearchRequest.of(e256.embed(text(7)), 10))
                .getFirst();
        assertThat(hit.payload().key()).isEqualTo("ev-7");
        assertThat(store.get("failures", hit.id()).orElseThrow().vector()).hasSize(256);
    }

    @Test
    @DisplayName("a replay after switching between two embedders of the same dimension (hashing to MiniLM, both 384)"
            + " gives a version recorded as MiniLM whose every point is a MiniLM vector")
    void replayAfterSameDimensionEmbedderChangeIsConsistent() throws Exception {
        produce(120, Instant.now());
        ReplayProgress first = new ReplayJob("vectors", List.of(index(384)), settings(), Clock.systemUTC()).run();
        assertThat(first.state()).as("error: %s", first.error()).isEqualTo(ReplayState.COMPLETED);

        try (MiniLmEmbedder minilm = MiniLmEmbedder.open(null)) {
            TestVectorIndex after = index(minilm);
            assertThat(after.writeRefusal(1)).as("version 1 is hashing's").isPresent();

            ReplayProgress second = new ReplayJob("vectors", List.of(after), settings(), Clock.systemUTC()).run();

            assertThat(second.state()).as("error: %s", second.error()).isEqualTo(ReplayState.COMPLETED);
            assertThat(second.toVersion()).isEqualTo(2);
            assertThat(after.versions()).containsExactly(2);
            assertThat(after.count(2)).isEqualTo(120);
            assertThat(new EmbedderMarks(store).of(after.collection(2)).orElseThrow().embedderId())
                    .isEqualTo("minilm-l6-v2-q-384");
            assertThat(new EmbedderMarks(store).of(after.collection(1))).as("the old version's record is gone")
                    .isEmpty();
            for (int k : new int[] {0, 7, 63, 119}) {
                assertMadeBy(minilm, k);
            }
        }
    }

    @Test
    @DisplayName("a replay resumed with another embedder does not write into the unfinished version of the first: it"
            + " starts over, and the new version holds only its own vectors")
    void resumedReplayWithOtherEmbedderStartsOver() throws Exception {
        TestVectorIndex hashing = index(384);
        buildV1(hashing, 10);
        produce(600, Instant.now());
        AtomicInteger writes = new AtomicInteger();
        ReplayJob first = new ReplayJob("vectors", List.of(hashing), settings(), Clock.systemUTC());
        hashing.afterWrite(v -> {
            if (writes.incrementAndGet() == 3) {
                first.close();
            }
        });
        ReplayProgress stopped = first.run();
        assertThat(stopped.state()).isEqualTo(ReplayState.FAILED);
        assertThat(hashing.versions()).containsExactly(1, 2);
        assertThat(committed(ReplayJob.groupId(prefix, hashing, 2))).isNotEmpty();

        try (MiniLmEmbedder minilm = MiniLmEmbedder.open(null)) {
            TestVectorIndex other = index(minilm);
            ReplayProgress second = new ReplayJob("vectors", List.of(other), settings(), Clock.systemUTC()).run();

            assertThat(second.state()).as("error: %s", second.error()).isEqualTo(ReplayState.COMPLETED);
            assertThat(second.total()).as("nothing resumed: every record read again").isEqualTo(600);
            assertThat(other.currentVersion()).isEqualTo(2);
            assertThat(other.versions()).containsExactly(2);
            assertThat(other.count(2)).isEqualTo(600);
            assertThat(new EmbedderMarks(store).of(other.collection(2)).orElseThrow().embedderId())
                    .isEqualTo("minilm-l6-v2-q-384");
            for (int k : new int[] {0, 1, 2, 300, 599}) {
                assertMadeBy(minilm, k);
            }
        }
    }

    /** The stored point of event k is the embedder's vector of its text (the store normalizes again on write). */
    private void assertMadeBy(Embedder embedder, int k) {
        float[] stored = store.get("failures", PointIds.of("ev-" + k)).orElseThrow().vector();
        float[] expected = embedder.embed(text(k));
        float[] hashing = new HashingEmbedder(384).embed(text(k));
        assertThat(dot(stored, expected)).as("ev-%d against %s", k, embedder.id()).isGreaterThan(0.99999);
        assertThat(dot(stored, hashing)).as("ev-%d against hashing", k).isLessThan(0.9);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}

package io.noetl.sink.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.sink.index.EmbedderMarks;
import io.noetl.sink.index.IndexTarget;
import io.noetl.sink.index.RejectedRecord;
import io.noetl.sink.index.SinkIndex;
import io.noetl.sink.index.SinkUnavailableException;
import io.noetl.stores.embed.Embedder;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.VectorPoint;
import io.noetl.stores.vector.VectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A small vector SinkIndex for replay tests over a real {@link VectorStore}: values are JSON
 * {@code {"event_id", "text"}}, one point per event id, versions are collections {@code <base>_v<N>} and the
 * current one is the alias {@code <base>}. Like the product's index, each version records its embedder
 * ({@link EmbedderMarks}) and takes no points of another. It can refuse the next writes as unavailable and call a
 * hook after each write.
 */
final class TestVectorIndex implements SinkIndex {

    private final VectorStore store;
    private final String base;
    private final Set<String> topics;
    private final Embedder embedder;
    private final EmbedderMarks marks;
    private final AtomicInteger unavailable = new AtomicInteger();
    private volatile IntConsumer afterWrite = v -> { };

    TestVectorIndex(VectorStore store, String base, Set<String> topics, Embedder embedder) {
        this.store = store;
        this.base = base;
        this.topics = topics;
        this.embedder = embedder;
        this.marks = new EmbedderMarks(store);
    }

    /** The next {@code n} writes throw {@link SinkUnavailableException}. */
    void failNext(int n) {
        unavailable.set(n);
    }

    /** Called with the version after each accepted write. */
    void afterWrite(IntConsumer hook) {
        this.afterWrite = hook;
    }

    String collection(int version) {
        return Collections.versioned(base, version);
    }

    @Override
    public IndexTarget target() {
        return IndexTarget.VECTORS;
    }

    @Override
    public Set<String> topics() {
        return topics;
    }

    @Override
    public int currentVersion() {
        return store.aliasTarget(base).map(c -> Collections.versionOf(base, c)).orElse(0);
    }

    @Override
    public List<Integer> versions() {
        return store.collections().stream().map(c -> Collections.versionOf(base, c)).filter(v -> v > 0).sorted()
                .toList();
    }

    @Override
    public void createVersion(int version) {
        writeRefusal(version).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        marks.record(collection(version), embedder.id());
        store.createCollection(collection(version), embedder.dimension());
    }

    @Override
    public Optional<String> writeRefusal(int version) {
        return marks.of(collection(version)).filter(m -> !m.embedderId().equals(embedder.id()))
                .map(m -> "version " + version + " of " + base + " was built with " + m.embedderId() + ", not "
                        + embedder.id());
    }

    @Override
    public void switchTo(int version) {
        store.switchAliases(Map.of(base, collection(version)));
    }

    @Override
    public void dropVersion(int version) {
        if (version == currentVersion()) {
            throw new IllegalArgumentException("version " + version + " of " + base + " is current");
        }
        store.dropCollection(collection(version));
        marks.forget(collection(version));
    }

    @Override
    public List<RejectedRecord> write(int version, List<ConsumerRecord<byte[], byte[]>> records) {
        if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SinkUnavailableException("test store refuses writes", null);
        }
        Optional<String> refused = writeRefusal(version);
        List<VectorPoint> points = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            JsonNode node;
            try {
                node = Json.tree(r.value());
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedRecord(r, "not JSON"));
                continue;
            }
            if (refused.isPresent()) {
                rejected.add(new RejectedRecord(r, refused.get()));
                continue;
            }
            String id = node.path("event_id").asText("");
            String text = node.path("text").asText("");
            points.add(VectorPoint.of(embedder.embed(text), Payload.builder().key(id).text(text).build()));
        }
        store.upsert(collection(version), points);
        store.commit();
        afterWrite.accept(version);
        return rejected;
    }

    @Override
    public long count(int version) {
        String c = collection(version);
        return store.collectionExists(c) ? store.count(c) : 0;
    }

    @Override
    public void close() {
        // the store belongs to the test
    }
}

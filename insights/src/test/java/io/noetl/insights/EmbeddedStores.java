package io.noetl.insights;

import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.sink.analytics.duckdb.DuckDbAnalyticsStore;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.embed.HashingEmbedder;
import io.noetl.sink.embed.TextNormalizer;
import io.noetl.sink.index.AnalyticsIndex;
import io.noetl.sink.index.RejectedRecord;
import io.noetl.sink.index.SinkIndex;
import io.noetl.sink.index.VectorIndex;
import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.stores.analytics.AnalyticsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The embedded stores a process running the sink reads: the DuckDB analytics file, the Lucene vector folder and the
 * hashing embedder behind the sink's text normalizer, opened in one folder and switched to index version 1.
 *
 * <p>Records are written through the sink's own indexes, as Kafka records of {@code noetl.events} and
 * {@code noetl.traces}: every event becomes a row, every error event a failure point, every trace an execution and a
 * playbook point, with the payloads and embedded texts the sink gives them. Build the records with
 * {@link StreamRows}.
 */
public final class EmbeddedStores implements AutoCloseable {

    private static final Names NAMES = Names.DEFAULT;
    private static final int VERSION = 1;

    private final AtomicLong offsets = new AtomicLong();
    private final VectorIndex vectors;
    private final AnalyticsIndex analytics;

    private EmbeddedStores(VectorIndex vectors, AnalyticsIndex analytics) {
        this.vectors = vectors;
        this.analytics = analytics;
    }

    /** Opens the three stores under {@code dir} and makes version 1 of both indexes the current one. */
    public static EmbeddedStores open(Path dir) {
        Embeddings embeddings = new Embeddings(new HashingEmbedder(), new TextNormalizer(),
                Embeddings.DEFAULT_CACHE_SIZE);
        VectorIndex vectors = new VectorIndex(EmbeddedVectorStore.open(dir.resolve("vectors")), embeddings, NAMES);
        AnalyticsIndex analytics;
        try {
            analytics = new AnalyticsIndex(DuckDbAnalyticsStore.open(dir.resolve("analytics.duckdb")), NAMES);
        } catch (RuntimeException e) {
            vectors.close();
            throw e;
        }
        EmbeddedStores stores = new EmbeddedStores(vectors, analytics);
        for (SinkIndex index : stores.indexes()) {
            index.createVersion(VERSION);
            index.switchTo(VERSION);
        }
        return stores;
    }

    /** @return the stores as a process running the sink attaches them to its insights */
    public StoreAccess.Stores stores() {
        return new StoreAccess.Stores(vectors.store(), vectors.embeddings(), analytics.store());
    }

    /** @return the analytics store (DuckDB) */
    public AnalyticsStore analyticsStore() {
        return analytics.store();
    }

    /** Writes normalized events into both indexes, as the sink does with {@code noetl.events}. */
    public EmbeddedStores events(List<NormalizedEvent> events) {
        write(NAMES.eventsTopic(), events);
        return this;
    }

    /** Writes normalized events into both indexes, as the sink does with {@code noetl.events}. */
    public EmbeddedStores events(NormalizedEvent... events) {
        return events(List.of(events));
    }

    /** Writes execution traces into both indexes, as the sink does with {@code noetl.traces}. */
    public EmbeddedStores traces(ExecutionTrace... traces) {
        write(NAMES.tracesTopic(), List.of(traces));
        return this;
    }

    private void write(String topic, List<?> values) {
        List<ConsumerRecord<byte[], byte[]>> records = values.stream()
                .map(v -> new ConsumerRecord<>(topic, 0, offsets.incrementAndGet(),
                        "key".getBytes(StandardCharsets.UTF_8), Json.bytes(v)))
                .toList();
        for (SinkIndex index : indexes()) {
            List<RejectedRecord> rejected = index.write(VERSION, records);
            if (!rejected.isEmpty()) {
                throw new IllegalStateException("the " + index.target() + " index refused "
                        + rejected.stream().map(RejectedRecord::reason).toList());
            }
        }
    }

    private List<SinkIndex> indexes() {
        return List.of(vectors, analytics);
    }

    @Override
    public void close() {
        try {
            vectors.close();
        } finally {
            analytics.close();
        }
    }
}

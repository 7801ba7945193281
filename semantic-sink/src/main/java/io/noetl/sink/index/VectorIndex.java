package io.noetl.sink.index;

import io.noetl.schemas.Names;
import io.noetl.sink.embed.Embeddings;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.PointIds;
import io.noetl.stores.vector.VectorStore;
import io.noetl.stores.vector.VectorStoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The vector index: failures ({@code error} events, by event id), executions (latest trace, by execution id) and
 * playbook versions (path, version, steps and tools seen in traces), embedded and upserted into the versioned
 * collections {@code noetl_failures_vN}, {@code noetl_executions_vN}, {@code noetl_playbooks_vN}. The aliases
 * {@code noetl_failures}, {@code noetl_executions}, {@code noetl_playbooks} name the current version and are
 * switched together in one step.
 *
 * <p>Records become point drafts in {@link VectorBatch}; {@link VectorUpserts} embeds and upserts them.
 *
 * <p>Each version holds the vectors of one embedder, recorded when the version is created ({@link EmbedderMarks}).
 * A version built by another embedder takes none of this index's points (they come back refused, with the reason)
 * and its readers' queries are refused ({@link #queries()}), until a replay builds a version with this embedder
 * ({@link EmbedderCheck}).
 */
public final class VectorIndex implements SinkIndex {

    /** The collection bases of one version, in the order they are created. */
    public static final List<String> BASES = List.of(Collections.FAILURES, Collections.EXECUTIONS,
            Collections.PLAYBOOKS);

    private final VectorStore store;
    private final Embeddings embeddings;
    // topic names, resolved once: write compares every record's topic with them
    private final String eventsTopic;
    private final String tracesTopic;
    private final Set<String> topics;
    private final CachedPointer pointer;
    private final VectorUpserts upserts;
    private final EmbedderMarks marks;
    private final EmbedderCheck check;

    /**
     * @param store      where points go; closed with this index
     * @param embeddings how text becomes vectors
     * @param names      topic names
     */
    public VectorIndex(VectorStore store, Embeddings embeddings, Names names) {
        this.store = store;
        this.embeddings = embeddings;
        this.eventsTopic = names.eventsTopic();
        this.tracesTopic = names.tracesTopic();
        this.topics = Set.of(eventsTopic, tracesTopic);
        this.pointer = new CachedPointer(this::readPointer);
        this.upserts = new VectorUpserts(store, embeddings);
        this.marks = new EmbedderMarks(store);
        this.check = new EmbedderCheck(store, marks, embeddings, this::currentVersion);
    }

    /** @return the store this index writes to */
    public VectorStore store() {
        return store;
    }

    /** @return the embeddings this index uses */
    public Embeddings embeddings() {
        return embeddings;
    }

    @Override
    public IndexTarget target() {
        return IndexTarget.VECTORS;
    }

    /** @return the embeddings for readers' queries: they refuse while the current version has another embedder */
    public IndexQueries queries() {
        return new IndexQueries(embeddings, this::embedderMismatch);
    }

    /**
     * Checks that the current version was built by this index's embedder (recorded per version; a version from
     * before ids were recorded counts as {@value EmbedderMarks#LEGACY_ID} when it has 384 dimensions).
     *
     * @return what is wrong, naming both embedders and the replay that fixes it; empty when they agree or no
     *         version exists yet
     */
    public Optional<String> embedderMismatch() {
        return guard("check the embedder of the current vector index version", check::current);
    }

    @Override
    public Optional<String> writeRefusal(int version) {
        return guard("check the embedder of vector index version " + version, () -> check.version(version));
    }

    /**
     * Checks that the current version was built with vectors of this index's dimension (it was not when the
     * embedder changed since): every new point would then be refused. The dimension alone does not tell two
     * embedders of one dimension apart; {@link #embedderMismatch()} does.
     *
     * @return what is wrong and how to fix it; empty when the dimensions agree or no version exists yet
     */
    public Optional<String> dimensionMismatch() {
        int version = currentVersion();
        if (version == 0) {
            return Optional.empty();
        }
        int stored = guard("read the dimension of vector index version " + version,
                () -> store.dimension(Collections.FAILURES));
        if (stored == embeddings.dimension()) {
            return Optional.empty();
        }
        return Optional.of("vector index version " + version + " holds " + stored + "-dimensional vectors but the "
                + "embedder " + embeddings.embedderId() + " gives " + embeddings.dimension() + ": new points are "
                + "refused (dead letters) until the index is rebuilt with 'noetl replay --target vectors'");
    }

    @Override
    public Set<String> topics() {
        return topics;
    }

    @Override
    public int currentVersion() {
        return pointer.get();
    }

    private int readPointer() {
        try {
            return store.aliasTarget(Collections.FAILURES).map(c -> Collections.versionOf(Collections.FAILURES, c))
                    .orElse(0);
        } catch (VectorStoreException e) {
            throw new SinkUnavailableException("read the current vector index version", e);
        }
    }

    @Override
    public List<Integer> versions() {
        TreeSet<Integer> out = new TreeSet<>();
        for (String c : guard("list collections", store::collections)) {
            int v = Collections.versionOf(Collections.FAILURES, c);
            if (v > 0) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@inheritDoc} The version's embedder is recorded first, so a version never exists without it.
     *
     * @throws IllegalStateException when the version exists and was built by another embedder
     */
    @Override
    public void createVersion(int version) {
        guard("create vector index version " + version, () -> {
            String first = Collections.versioned(Collections.FAILURES, version);
            if (store.collectionExists(first)) {
                check.version(version).ifPresent(problem -> {
                    throw new IllegalStateException("create vector index version " + version + ": " + problem);
                });
            }
            marks.record(first, embeddings.embedderId());
            for (String base : BASES) {
                store.createCollection(Collections.versioned(base, version), embeddings.dimension());
            }
            return null;
        });
    }

    @Override
    public void switchTo(int version) {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String base : BASES) {
            String collection = Collections.versioned(base, version);
            if (!guard("check " + collection, () -> store.collectionExists(collection))) {
                throw new IllegalArgumentException("vector index version " + version + " does not exist (no "
                        + collection + ")");
            }
            aliases.put(base, collection);
        }
        guard("switch vector aliases to version " + version, () -> {
            store.switchAliases(aliases);
            return null;
        });
        pointer.set(version);
    }

    @Override
    public void dropVersion(int version) {
        int current = readPointer();
        if (version == current) {
            throw new IllegalArgumentException("vector index version " + version + " is current; switch first");
        }
        guard("drop vector index version " + version, () -> {
            for (String base : BASES) {
                store.dropCollection(Collections.versioned(base, version));
            }
            marks.forget(Collections.versioned(Collections.FAILURES, version));
            return null;
        });
    }

    @Override
    public long count(int version) {
        return guard("count vector index version " + version, () -> {
            long n = 0;
            for (String base : BASES) {
                String c = Collections.versioned(base, version);
                n += store.collectionExists(c) ? store.count(c) : 0;
            }
            return n;
        });
    }

    /** @return points of one collection base in a version (0 when it does not exist) */
    public long count(String base, int version) {
        String c = Collections.versioned(base, version);
        return guard("count " + c, () -> store.collectionExists(c) ? store.count(c) : 0L);
    }

    @Override
    public List<RejectedRecord> write(int version, List<ConsumerRecord<byte[], byte[]>> records) {
        VectorBatch batch = VectorBatch.map(records, eventsTopic, tracesTopic);
        return guard("write " + records.size() + " records into vector index version " + version, () -> {
            if (!store.collectionExists(Collections.versioned(Collections.FAILURES, version))) {
                throw new IllegalArgumentException("vector index version " + version + " does not exist");
            }
            Optional<String> refused = check.version(version);
            if (refused.isPresent()) {
                return batch.refuseAll(refused.get());
            }
            String playbookCollection = Collections.versioned(Collections.PLAYBOOKS, version);
            List<PointDraft> drafts = batch.drafts(
                    key -> store.get(playbookCollection, PointIds.of(key)).map(p -> p.payload()));
            upserts.upsertAll(version, drafts, batch.rejected());
            store.commit();
            return batch.rejected().list();
        });
    }

    private static <T> T guard(String operation, Supplier<T> action) {
        return StoreCalls.guard(operation, VectorStoreException.class, action);
    }

    @Override
    public void close() {
        store.close();
    }
}

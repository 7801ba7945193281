package io.noetl.sink.index;

import io.noetl.schemas.Names;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.vector.Collections;
import io.noetl.sink.vector.Payload;
import io.noetl.sink.vector.PointChecks;
import io.noetl.sink.vector.PointIds;
import io.noetl.sink.vector.VectorPoint;
import io.noetl.sink.vector.VectorStore;
import io.noetl.sink.vector.VectorStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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

    /**
     * Checks that the current version was built with vectors of this index's dimension (it was not when the
     * embedder changed since): every new point would then be refused.
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

    @Override
    public void createVersion(int version) {
        guard("create vector index version " + version, () -> {
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
        Rejections rejected = new Rejections();
        List<PointDraft> drafts = new ArrayList<>();
        Map<String, PointDraft> executions = new LinkedHashMap<>();
        Map<String, ExecutionTrace> latest = new HashMap<>();
        Map<String, PlaybookSeen> playbooks = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            try {
                if (r.topic().equals(eventsTopic)) {
                    VectorMapping.failure(RecordDecoder.decode(r, NormalizedEvent.class), r).ifPresent(drafts::add);
                } else if (r.topic().equals(tracesTopic)) {
                    ExecutionTrace t = RecordDecoder.decode(r, ExecutionTrace.class);
                    PointDraft d = VectorMapping.execution(t, r);
                    ExecutionTrace before = latest.get(t.executionId());
                    if (before == null || t.eventCount() >= before.eventCount()) {
                        latest.put(t.executionId(), t);
                        executions.put(t.executionId(), d);
                    }
                    if (!VectorMapping.blank(t.playbookPath())) {
                        String key = VectorMapping.playbookKey(t.playbookPath(), t.playbookVersion());
                        playbooks.computeIfAbsent(key, k -> new PlaybookSeen(t.playbookPath(), t.playbookVersion(), r))
                                .add(t);
                    }
                }
            } catch (IllegalArgumentException e) {
                rejected.add(r, e.getMessage());
            }
        }
        drafts.addAll(executions.values());
        return guard("write " + records.size() + " records into vector index version " + version, () -> {
            if (!store.collectionExists(Collections.versioned(Collections.FAILURES, version))) {
                throw new IllegalArgumentException("vector index version " + version + " does not exist");
            }
            String playbookCollection = Collections.versioned(Collections.PLAYBOOKS, version);
            for (PlaybookSeen seen : playbooks.values()) {
                drafts.add(seen.merged(store.get(playbookCollection,
                        PointIds.of(VectorMapping.playbookKey(seen.path, seen.version)))
                        .map(p -> p.payload())));
            }
            upsertAll(version, drafts, rejected);
            store.commit();
            return rejected.list();
        });
    }

    private void upsertAll(int version, List<PointDraft> drafts, Rejections rejected) {
        int maxPayload = store.maxPayloadBytes();
        List<PointDraft> sized = new ArrayList<>(drafts.size());
        for (PointDraft d : drafts) {
            try {
                PointChecks.payloadSize(d.base() + " point " + d.payload().key(), d.payload(), maxPayload);
                sized.add(d);
            } catch (IllegalArgumentException e) {
                rejected.add(d.source(), e.getMessage());
            }
        }
        List<float[]> vectors = embeddings.embedAll(sized.stream().map(PointDraft::input).toList());
        Map<String, List<VectorPoint>> byCollection = new LinkedHashMap<>();
        Map<VectorPoint, PointDraft> origin = new IdentityHashMap<>();
        for (int i = 0; i < sized.size(); i++) {
            PointDraft d = sized.get(i);
            VectorPoint p = VectorPoint.of(vectors.get(i), d.payload());
            origin.put(p, d);
            byCollection.computeIfAbsent(Collections.versioned(d.base(), version), c -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<VectorPoint>> e : byCollection.entrySet()) {
            try {
                store.upsert(e.getKey(), e.getValue());
            } catch (IllegalArgumentException bulk) {
                for (VectorPoint p : e.getValue()) {
                    try {
                        store.upsert(e.getKey(), List.of(p));
                    } catch (IllegalArgumentException one) {
                        rejected.add(origin.get(p).source(), one.getMessage());
                    }
                }
            }
        }
    }

    private static <T> T guard(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (VectorStoreException e) {
            throw new SinkUnavailableException(operation + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        store.close();
    }

    /** Steps and the latest time of one playbook version over the traces of a batch. */
    private static final class PlaybookSeen {
        private final String path;
        private final Integer version;
        private final ConsumerRecord<byte[], byte[]> source;
        private List<String> steps = List.of();
        private Instant time;

        PlaybookSeen(String path, Integer version, ConsumerRecord<byte[], byte[]> source) {
            this.path = path;
            this.version = version;
            this.source = source;
        }

        void add(ExecutionTrace t) {
            steps = VectorMapping.union(steps, VectorMapping.stepEntries(t));
            time = VectorMapping.later(time,
                    VectorMapping.firstNonNull(t.lastEventAt(), t.endedAt(), t.startedAt()));
        }

        PointDraft merged(Optional<Payload> existing) {
            List<String> all = existing.map(p -> VectorMapping.union(VectorMapping.stepEntries(p.text()), steps))
                    .orElse(steps);
            Instant t = existing.map(p -> VectorMapping.later(p.time(), time)).orElse(time);
            return VectorMapping.playbook(path, version, all, t, source);
        }
    }

    /** Rejected records, one entry per record (reasons of several points of one record are joined). */
    static final class Rejections {
        private final Map<ConsumerRecord<byte[], byte[]>, String> reasons = new IdentityHashMap<>();
        private final List<ConsumerRecord<byte[], byte[]>> order = new ArrayList<>();

        void add(ConsumerRecord<byte[], byte[]> r, String reason) {
            String before = reasons.get(r);
            if (before == null) {
                order.add(r);
                reasons.put(r, reason);
            } else if (!before.contains(reason)) {
                reasons.put(r, before + "; " + reason);
            }
        }

        List<RejectedRecord> list() {
            List<RejectedRecord> out = new ArrayList<>(order.size());
            for (ConsumerRecord<byte[], byte[]> r : order) {
                out.add(new RejectedRecord(r, reasons.get(r)));
            }
            return out;
        }
    }
}

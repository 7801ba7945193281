package io.noetl.insights;

import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.AttemptOutcome;
import io.noetl.stores.analytics.DurationPoint;
import io.noetl.stores.analytics.Rejected;
import io.noetl.stores.analytics.ResolutionRow;
import io.noetl.stores.analytics.StatusCount;
import io.noetl.stores.analytics.StepErrorRate;
import io.noetl.stores.analytics.StepLatency;
import io.noetl.stores.analytics.StepQuantiles;
import io.noetl.stores.analytics.TableCounts;
import io.noetl.stores.analytics.TimeRange;
import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.embed.TextVectors;
import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorPoint;
import io.noetl.stores.vector.VectorStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Small in-memory stores behind the store API, for the insight tests (the real backends live in the sink). */
public final class MemoryStores {

    private MemoryStores() {
    }

    /** Words hashed into a unit vector: texts sharing words are near. */
    public static final class WordVectors implements TextVectors {
        static final int DIM = 256;

        @Override
        public String embedderId() {
            return "words-256";
        }

        @Override
        public int dimension() {
            return DIM;
        }

        @Override
        public float[] embed(EmbeddingInput input) {
            float[] v = new float[DIM];
            for (String w : input.text().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (w.length() > 2) {
                    v[Math.floorMod(w.hashCode(), DIM)] += 1;
                }
            }
            v[0] += 0.01f;
            return normalize(v);
        }
    }

    /** A brute-force vector store: exact cosine search, aliases are plain names. */
    public static final class Vectors implements VectorStore {
        private final Map<String, Map<UUID, VectorPoint>> collections = new ConcurrentHashMap<>();
        private final TextVectors embeddings;

        public Vectors(TextVectors embeddings) {
            this.embeddings = embeddings;
        }

        /** Adds a point whose vector is the embedding of its payload's text. */
        public Vectors add(String collection, Payload payload) {
            collections.computeIfAbsent(collection, c -> new ConcurrentHashMap<>())
                    .put(UUID.nameUUIDFromBytes(payload.key().getBytes()), new VectorPoint(
                            UUID.nameUUIDFromBytes(payload.key().getBytes()),
                            embeddings.embed(EmbeddingInput.of(payload.text())), payload));
            return this;
        }

        @Override
        public List<SearchHit> search(String collection, SearchRequest request) {
            Map<UUID, VectorPoint> points = collections.get(collection);
            if (points == null) {
                throw new IllegalArgumentException("unknown collection '" + collection + "'");
            }
            List<SearchHit> hits = new ArrayList<>();
            float[] q = normalize(request.vector().clone());
            for (VectorPoint p : points.values()) {
                String pb = request.filter().playbook();
                if (pb != null && !pb.equals(p.payload().playbook())) {
                    continue;
                }
                float dot = 0;
                for (int i = 0; i < q.length; i++) {
                    dot += q[i] * p.vector()[i];
                }
                hits.add(new SearchHit(p.id(), dot, p.payload()));
            }
            hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
            return hits.subList(0, Math.min(request.limit(), hits.size()));
        }

        @Override
        public void createCollection(String name, int dimension) {
            collections.putIfAbsent(name, new ConcurrentHashMap<>());
        }

        @Override
        public void dropCollection(String name) {
            collections.remove(name);
        }

        @Override
        public boolean collectionExists(String name) {
            return collections.containsKey(name);
        }

        @Override
        public List<String> collections() {
            return collections.keySet().stream().sorted().toList();
        }

        @Override
        public int dimension(String collection) {
            return embeddings.dimension();
        }

        @Override
        public void upsert(String collection, List<VectorPoint> points) {
            points.forEach(p -> collections.computeIfAbsent(collection, c -> new ConcurrentHashMap<>())
                    .put(p.id(), p));
        }

        @Override
        public void delete(String collection, Collection<UUID> ids) {
            ids.forEach(id -> collections.getOrDefault(collection, new HashMap<>()).remove(id));
        }

        @Override
        public Optional<VectorPoint> get(String collection, UUID id) {
            return Optional.ofNullable(collections.getOrDefault(collection, Map.of()).get(id));
        }

        @Override
        public long count(String collection) {
            return collections.getOrDefault(collection, Map.of()).size();
        }

        @Override
        public void commit() {
        }

        @Override
        public int maxPayloadBytes() {
            return 65_536;
        }

        @Override
        public void switchAliases(Map<String, String> aliasToCollection) {
            throw new UnsupportedOperationException("aliases");
        }

        @Override
        public Optional<String> aliasTarget(String alias) {
            return Optional.empty();
        }

        @Override
        public void deleteAlias(String alias) {
        }

        @Override
        public void close() {
        }
    }

    /**
     * An analytics store that answers what a test set; a query whose answer is null throws
     * {@link UnsupportedOperationException}, as a backend that does not implement it yet.
     */
    public static final class Analytics implements AnalyticsStore {
        public List<StepQuantiles> quantiles;
        public List<StepErrorRate> errorRates;
        public List<StepLatency> slowest;
        public Map<String, ResolutionRow> resolutions;

        @Override
        public List<StepQuantiles> stepQuantiles(String playbook, TimeRange range) {
            return answer(quantiles, "stepQuantiles");
        }

        @Override
        public List<StepErrorRate> errorRates(TimeRange range, int limit) {
            return answer(errorRates, "errorRates");
        }

        @Override
        public List<StepLatency> slowestSteps(TimeRange range, int limit) {
            return answer(slowest, "slowestSteps");
        }

        @Override
        public Map<String, ResolutionRow> resolutions(Collection<String> executionIds) {
            Map<String, ResolutionRow> all = answer(resolutions, "resolutions");
            Map<String, ResolutionRow> out = new HashMap<>();
            executionIds.forEach(id -> {
                if (all.containsKey(id)) {
                    out.put(id, all.get(id));
                }
            });
            return out;
        }

        @Override
        public List<io.noetl.stores.analytics.ErrorOccurrence> executionErrors(String executionId) {
            return List.of();
        }

        @Override
        public List<io.noetl.stores.analytics.ClassRecovery> recoveryByClass(String playbook, String step,
                TimeRange range) {
            return List.of();
        }

        @Override
        public java.util.Optional<io.noetl.stores.analytics.Fingerprint> fingerprint(String templateId) {
            throw new UnsupportedOperationException("fingerprint");
        }

        @Override
        public io.noetl.stores.analytics.Page<io.noetl.stores.analytics.Fingerprint> fingerprints(String playbook,
                java.time.Instant since, int limit, String cursor) {
            throw new UnsupportedOperationException("fingerprints");
        }

        @Override
        public io.noetl.stores.analytics.Page<io.noetl.stores.analytics.ExecutionHit> fingerprintExecutions(
                String templateId, int limit, String cursor) {
            throw new UnsupportedOperationException("fingerprintExecutions");
        }

        @Override
        public List<io.noetl.schemas.stream.ExecutionTrace> traces(String playbook, TimeRange range, int limit) {
            throw new UnsupportedOperationException("traces");
        }

        @Override
        public io.noetl.stores.analytics.Page<io.noetl.schemas.stream.Alert> alerts(
                io.noetl.stores.analytics.AlertQuery query) {
            throw new UnsupportedOperationException("alerts");
        }

        private static <T> T answer(T value, String query) {
            if (value == null) {
                throw new UnsupportedOperationException(query);
            }
            return value;
        }

        @Override
        public int currentVersion() {
            return 1;
        }

        @Override
        public List<Integer> versions() {
            return List.of(1);
        }

        @Override
        public void createVersion(int version) {
        }

        @Override
        public void switchTo(int version) {
        }

        @Override
        public void dropVersion(int version) {
        }

        @Override
        public List<Rejected> write(int version, AnalyticsBatch batch) {
            throw new UnsupportedOperationException("write");
        }

        @Override
        public TableCounts counts(int version) {
            return new TableCounts(0, 0, 0, 0, 0);
        }

        @Override
        public List<AttemptOutcome> successByAttempt(String playbook, String step) {
            return List.of();
        }

        @Override
        public List<DurationPoint> durationHistory(String playbook, String step, TimeRange range, int limit) {
            return List.of();
        }

        @Override
        public List<StatusCount> executionsByStatus(TimeRange range) {
            return List.of();
        }

        @Override
        public void close() {
        }
    }

    static float[] normalize(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float norm = (float) Math.sqrt(n);
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        return v;
    }
}

package io.noetl.app.bench.sink;

import io.noetl.sink.embed.Embeddings;
import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.PointIds;
import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorPoint;
import io.noetl.stores.vector.VectorStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Similar-failure retrieval on one Loghub set: every line is embedded and stored; then each line's content is a
 * query against the other lines of its set, and precision@k counts neighbours with the line's true template, where
 * k = min(10, other lines of that template). Lines whose template has no other line are skipped.
 */
final class RetrievalBench {

    static final int K = 10;
    private static final int BATCH = 500;

    /**
     * @param name      set name
     * @param lines     lines in the set
     * @param queries   lines used as queries (their template has another line)
     * @param precision mean precision@k over the queries
     * @param millis    time to embed, index and query the set
     */
    record SetResult(String name, int lines, int queries, double precision, long millis) {
    }

    private RetrievalBench() {
    }

    static SetResult run(LoghubSet set, Embeddings embeddings, VectorStore store) {
        long start = System.nanoTime();
        String collection = "loghub_" + set.name().replaceAll("[^A-Za-z0-9_-]", "_");
        store.dropCollection(collection);
        store.createCollection(collection, embeddings.dimension());
        int n = set.contents().size();
        List<float[]> vectors = new ArrayList<>(n);
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            List<EmbeddingInput> inputs = set.contents().subList(from, to).stream().map(EmbeddingInput::of).toList();
            List<float[]> batch = embeddings.embedAll(inputs);
            List<VectorPoint> points = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                points.add(VectorPoint.of(batch.get(i), Payload.builder().key(key(from + i)).build()));
            }
            store.upsert(collection, points);
            vectors.addAll(batch);
        }
        Map<String, Integer> perTemplate = new HashMap<>();
        Map<UUID, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            perTemplate.merge(set.eventIds().get(i), 1, Integer::sum);
            lineOf.put(PointIds.of(key(i)), i);
        }
        double sum = 0;
        int queries = 0;
        for (int i = 0; i < n; i++) {
            String truth = set.eventIds().get(i);
            int k = Math.min(K, perTemplate.get(truth) - 1);
            if (k == 0) {
                continue;
            }
            UUID self = PointIds.of(key(i));
            List<SearchHit> hits = store.search(collection, SearchRequest.of(vectors.get(i), k + 1));
            int relevant = 0;
            int taken = 0;
            for (SearchHit hit : hits) {
                if (taken == k) {
                    break;
                }
                if (hit.id().equals(self)) {
                    continue;
                }
                taken++;
                if (truth.equals(set.eventIds().get(lineOf.get(hit.id())))) {
                    relevant++;
                }
            }
            sum += (double) relevant / k;
            queries++;
        }
        store.dropCollection(collection);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new SetResult(set.name(), n, queries, queries == 0 ? 0 : sum / queries, millis);
    }

    private static String key(int line) {
        return "line-" + line;
    }
}

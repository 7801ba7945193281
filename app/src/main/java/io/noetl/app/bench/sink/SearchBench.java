package io.noetl.app.bench.sink;

import io.noetl.sink.embed.Embeddings;
import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorPoint;
import io.noetl.stores.vector.VectorStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Vector search speed and quality: indexes N vectors of synthetic error texts from the default embedder, then times
 * searches for new error texts and compares each answer with an exact (brute-force) top 10 computed in the same run.
 *
 * <p>Recall counts a returned point as correct when its similarity reaches the exact 10th best: the texts repeat
 * (a flood of one error normalizes to one vector), so many points tie and which of the tied ids an exact search
 * lists is arbitrary. The id overlap with the exact list is reported as well.
 */
final class SearchBench {

    static final int K = 10;
    private static final String COLLECTION = "bench_search";
    private static final int BATCH = 1000;
    private static final float TIE = 1e-5f;

    /**
     * @param points      points indexed
     * @param queries     timed queries
     * @param recall      mean recall@10, ties counted as correct
     * @param idRecall    mean overlap of ids with the exact top 10
     * @param p50Ms       median search latency
     * @param p99Ms       99th percentile search latency
     * @param embedMs     time spent embedding the points
     * @param indexMs     time spent in upserts and the final commit
     */
    record Result(int points, int queries, double recall, double idRecall, double p50Ms, double p99Ms,
            long embedMs, long indexMs) {
    }

    private SearchBench() {
    }

    static Result run(int points, int queries, long seed, Embeddings embeddings, VectorStore store,
            PrintWriter progress) {
        int dim = embeddings.dimension();
        store.dropCollection(COLLECTION);
        store.createCollection(COLLECTION, dim);
        float[] all = new float[points * dim];
        SyntheticErrors errors = new SyntheticErrors(seed);
        long embedNs = 0;
        long indexNs = 0;
        for (int from = 0; from < points; from += BATCH) {
            int to = Math.min(points, from + BATCH);
            List<SyntheticErrors.Error> batch = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                batch.add(errors.next());
            }
            long t0 = System.nanoTime();
            List<float[]> vectors = embeddings.embedAll(batch.stream().map(SearchBench::input).toList());
            long t1 = System.nanoTime();
            List<VectorPoint> upserts = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                System.arraycopy(vectors.get(i), 0, all, (from + i) * dim, dim);
                upserts.add(VectorPoint.of(vectors.get(i), payload(from + i, batch.get(i))));
            }
            store.upsert(COLLECTION, upserts);
            indexNs += System.nanoTime() - t1;
            embedNs += t1 - t0;
            if (to % 50_000 == 0 && to < points) {
                progress.printf(Locale.ROOT, "indexed=%d elapsed_s=%.1f%n", to, (embedNs + indexNs) / 1e9);
                progress.flush();
            }
        }
        long t = System.nanoTime();
        store.commit();
        store.count(COLLECTION);
        indexNs += System.nanoTime() - t;

        SyntheticErrors warmup = new SyntheticErrors(seed + 1);
        for (int i = 0; i < Math.min(500, queries); i++) {
            store.search(COLLECTION, SearchRequest.of(embeddings.embed(input(warmup.next())), K));
        }
        SyntheticErrors fresh = new SyntheticErrors(seed + 2);
        float[][] qs = new float[queries][];
        List<List<SearchHit>> answers = new ArrayList<>(queries);
        long[] nanos = new long[queries];
        for (int q = 0; q < queries; q++) {
            qs[q] = embeddings.embed(input(fresh.next()));
            long s0 = System.nanoTime();
            answers.add(store.search(COLLECTION, SearchRequest.of(qs[q], K)));
            nanos[q] = System.nanoTime() - s0;
        }
        double[][] recalls = IntStream.range(0, queries).parallel()
                .mapToObj(q -> recall(all, dim, points, qs[q], answers.get(q))).toArray(double[][]::new);
        Arrays.sort(nanos);
        store.dropCollection(COLLECTION);
        return new Result(points, queries, Arrays.stream(recalls).mapToDouble(r -> r[0]).average().orElse(0),
                Arrays.stream(recalls).mapToDouble(r -> r[1]).average().orElse(0),
                percentile(nanos, 0.50) / 1e6, percentile(nanos, 0.99) / 1e6, embedNs / 1_000_000,
                indexNs / 1_000_000);
    }

    /** @return {tie-aware recall, id overlap} of one answer against brute force */
    private static double[] recall(float[] all, int dim, int points, float[] query, List<SearchHit> answer) {
        int[] best = new int[K];
        float[] bestScore = new float[K];
        Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
        for (int p = 0; p < points; p++) {
            float s = dot(all, p * dim, query, dim);
            if (s > bestScore[K - 1]) {
                int i = K - 1;
                while (i > 0 && bestScore[i - 1] < s) {
                    bestScore[i] = bestScore[i - 1];
                    best[i] = best[i - 1];
                    i--;
                }
                bestScore[i] = s;
                best[i] = p;
            }
        }
        int withTies = 0;
        int sameId = 0;
        for (SearchHit hit : answer) {
            int p = Integer.parseInt(hit.payload().key().substring(1));
            if (dot(all, p * dim, query, dim) >= bestScore[K - 1] - TIE) {
                withTies++;
            }
            for (int b : best) {
                sameId += b == p ? 1 : 0;
            }
        }
        return new double[] {(double) withTies / K, (double) sameId / K};
    }

    private static float dot(float[] all, int offset, float[] q, int dim) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < dim; i += 4) {
            s0 += all[offset + i] * q[i];
            s1 += all[offset + i + 1] * q[i + 1];
            s2 += all[offset + i + 2] * q[i + 2];
            s3 += all[offset + i + 3] * q[i + 3];
        }
        for (; i < dim; i++) {
            s0 += all[offset + i] * q[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static EmbeddingInput input(SyntheticErrors.Error e) {
        return EmbeddingInput.failure(e.templateId(), null, e.text(), e.step(), e.tool(), e.errorClass());
    }

    private static Payload payload(int i, SyntheticErrors.Error e) {
        return Payload.builder().key("p" + i).playbook(e.playbook()).step(e.step()).errorClass(e.errorClass())
                .templateId(e.templateId()).status("FAILED").time(e.time()).text(e.text()).build();
    }
}

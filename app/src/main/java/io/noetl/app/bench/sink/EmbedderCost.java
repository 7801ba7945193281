package io.noetl.app.bench.sink;

import io.noetl.sink.embed.TextNormalizer;
import io.noetl.stores.embed.Embedder;
import io.noetl.stores.embed.EmbeddingInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What an embedder costs, measured on distinct synthetic error texts, normalized as the sink does, with no cache:
 * the first load (timed by the caller around opening it), one text at a time (median over {@value #SINGLES} texts,
 * after {@value #WARM_UP} warm-up calls), and a batch of {@value #BATCH} texts (per text, best of {@value #ROUNDS}).
 *
 * @param embedderId  the embedder
 * @param loadMs      how long opening it took
 * @param singleP50Ms median time of one text
 * @param batchMs     time of one batch of {@value #BATCH} texts
 */
record EmbedderCost(String embedderId, double loadMs, double singleP50Ms, double batchMs) {

    static final int BATCH = 32;
    private static final int WARM_UP = 20;
    private static final int SINGLES = 200;
    private static final int ROUNDS = 5;

    /** Measures {@code embedder}, opened in {@code loadMs}. */
    static EmbedderCost measure(Embedder embedder, double loadMs) {
        List<String> texts = texts(WARM_UP + SINGLES + ROUNDS * BATCH);
        for (int i = 0; i < WARM_UP; i++) {
            embedder.embed(texts.get(i));
        }
        double[] singles = new double[SINGLES];
        for (int i = 0; i < SINGLES; i++) {
            long start = System.nanoTime();
            embedder.embed(texts.get(WARM_UP + i));
            singles[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(singles);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < ROUNDS; r++) {
            int from = WARM_UP + SINGLES + r * BATCH;
            long start = System.nanoTime();
            embedder.embedAll(texts.subList(from, from + BATCH));
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return new EmbedderCost(embedder.id(), loadMs, singles[SINGLES / 2], best);
    }

    /** @return one line, e.g. {@code embedder minilm-l6-v2-q-384: load 610 ms, one text 4.1 ms (p50), ...} */
    String line() {
        return String.format(Locale.ROOT, "embedder %s: load %.0f ms, one text %.3f ms (p50), batch of %d %.1f ms "
                + "(%.3f ms per text)", embedderId, loadMs, singleP50Ms, BATCH, batchMs, batchMs / BATCH);
    }

    private static List<String> texts(int n) {
        SyntheticErrors errors = new SyntheticErrors(11);
        TextNormalizer normalizer = new TextNormalizer();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SyntheticErrors.Error e = errors.next();
            out.add(normalizer.normalize(EmbeddingInput.failure(e.templateId(), null, e.text(), e.step(), e.tool(),
                    e.errorClass()).text()));
        }
        return out;
    }
}

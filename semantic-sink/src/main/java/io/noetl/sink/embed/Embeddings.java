package io.noetl.sink.embed;

import io.noetl.stores.embed.Embedder;
import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.embed.TextVectors;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sink's way to embed: normalizes each input, looks it up in a bounded LRU cache keyed by template id and a
 * 128-bit hash of the normalized text, and embeds only the misses, in one batch per call. A flood of the same
 * error (same template, values masked away) is embedded once. Returned arrays are the caller's to keep. Thread-safe.
 */
public final class Embeddings implements TextVectors {

    /** Default number of cached vectors (~1.5 KB each at dimension 384). */
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private final Embedder embedder;
    private final TextNormalizer normalizer;
    private final Map<CacheKey, float[]> cache;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /**
     * @param embedder   the model
     * @param normalizer the text normalizer
     * @param cacheSize  the most vectors kept; 0 disables the cache
     */
    public Embeddings(Embedder embedder, TextNormalizer normalizer, int cacheSize) {
        if (embedder == null || normalizer == null) {
            throw new IllegalArgumentException("embedder and normalizer must not be null");
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must be >= 0, got " + cacheSize);
        }
        this.embedder = embedder;
        this.normalizer = normalizer;
        this.cache = new LinkedHashMap<>(Math.min(cacheSize, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, float[]> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /**
     * The fast embeddings, for tests and benchmarks that need no model: {@link HashingEmbedder} of dimension 384,
     * default normalizer and cache size. (The product's default embedder is chosen by {@link Embedders}.)
     */
    public static Embeddings defaults() {
        return new Embeddings(new HashingEmbedder(), new TextNormalizer(), DEFAULT_CACHE_SIZE);
    }

    /** @return the dimension of every vector */
    @Override
    public int dimension() {
        return embedder.dimension();
    }

    /** @return the embedder's id */
    @Override
    public String embedderId() {
        return embedder.id();
    }

    /** @return the normalizer in use */
    public TextNormalizer normalizer() {
        return normalizer;
    }

    /** Embeds one input. */
    @Override
    public float[] embed(EmbeddingInput input) {
        return embedAll(List.of(input)).getFirst();
    }

    /**
     * Embeds inputs in order; repeated inputs within the call and inputs seen before are embedded once.
     *
     * @param inputs the inputs, none null
     * @return one vector per input
     */
    public List<float[]> embedAll(List<EmbeddingInput> inputs) {
        List<CacheKey> keys = new ArrayList<>(inputs.size());
        Map<CacheKey, float[]> found = new HashMap<>();
        Map<CacheKey, String> missing = new LinkedHashMap<>();
        for (EmbeddingInput input : inputs) {
            if (input == null) {
                throw new IllegalArgumentException("embedding input must not be null");
            }
            String text = normalizer.normalize(input.text());
            CacheKey key = CacheKey.of(input.templateId(), text);
            keys.add(key);
            if (found.containsKey(key) || missing.containsKey(key)) {
                hits.incrementAndGet();
                continue;
            }
            float[] cached;
            synchronized (cache) {
                cached = cache.get(key);
            }
            if (cached != null) {
                hits.incrementAndGet();
                found.put(key, cached);
            } else {
                misses.incrementAndGet();
                missing.put(key, text);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> vectors = embedder.embedAll(List.copyOf(missing.values()));
            int i = 0;
            for (CacheKey key : missing.keySet()) {
                float[] v = vectors.get(i++);
                found.put(key, v);
                synchronized (cache) {
                    cache.put(key, v);
                }
            }
        }
        List<float[]> out = new ArrayList<>(keys.size());
        for (CacheKey key : keys) {
            out.add(found.get(key).clone());
        }
        return out;
    }

    /** @return inputs answered without calling the embedder (cache or repeated within a batch) */
    public long cacheHits() {
        return hits.get();
    }

    /** @return distinct inputs the embedder was asked for */
    public long cacheMisses() {
        return misses.get();
    }

    private record CacheKey(String templateId, long high, long low) {

        static CacheKey of(String templateId, String text) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
                ByteBuffer buf = ByteBuffer.wrap(digest);
                return new CacheKey(templateId, buf.getLong(), buf.getLong());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by the Java platform", e);
            }
        }
    }
}

package io.noetl.sink.embed;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import io.noetl.stores.embed.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fast {@link Embedder} ({@code NOETL_EMBEDDER=hashing}): feature hashing of word unigrams, word bigrams and
 * character trigrams into a fixed number of signed buckets, then L2 normalization. Needs no model weights, is
 * deterministic across JVMs and costs a few microseconds per text.
 *
 * <p>Words are lowercase runs of letters; the placeholder {@code <*>} of {@link TextNormalizer} is a word of its own
 * with a low weight, so the shape of a message (where its variables sit) counts but not their values. Bigrams carry
 * word order; character trigrams let {@code connect}, {@code connection} and {@code connecting} meet. Very common
 * English words weigh less. It knows no synonyms: "connection refused" and "could not connect" share little; the
 * default {@link MiniLmEmbedder} places them together.
 */
public final class HashingEmbedder implements Embedder {

    /** Default dimension of the vector collections. */
    public static final int DEFAULT_DIMENSION = 384;

    private static final String PLACEHOLDER_WORD = "<*>";
    private static final float WORD_WEIGHT = 1.0f;
    private static final float STOP_WORD_WEIGHT = 0.35f;
    private static final float PLACEHOLDER_WEIGHT = 0.35f;
    private static final float BIGRAM_WEIGHT = 0.8f;
    private static final float TRIGRAMS_WEIGHT = 0.6f;
    /** MurmurHash3 x86_32 over the UTF-16 code units of a feature: well mixed and the same on every JVM. */
    private static final HashFunction FEATURE_HASH = Hashing.murmur3_32_fixed(0x5eed_0001);
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "of",
            "on", "or", "that", "the", "this", "to", "was", "were", "will", "with");

    private final int dimension;

    /** An embedder of {@link #DEFAULT_DIMENSION} components. */
    public HashingEmbedder() {
        this(DEFAULT_DIMENSION);
    }

    /**
     * @param dimension number of components, 8 to 4096
     */
    public HashingEmbedder(int dimension) {
        if (dimension < 8 || dimension > 4096) {
            throw new IllegalArgumentException("hashing embedder dimension must be 8..4096, got " + dimension);
        }
        this.dimension = dimension;
    }

    @Override
    public String id() {
        return "hashing-v1-" + dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embed(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text to embed must not be null");
        }
        float[] v = new float[dimension];
        List<String> words = words(text);
        if (words.isEmpty()) {
            add(v, "empty:", 1.0f);
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            add(v, "w:" + w, weight(w));
            if (i + 1 < words.size()) {
                add(v, "b:" + w + ' ' + words.get(i + 1), BIGRAM_WEIGHT);
            }
            addTrigrams(v, w);
        }
        return normalize(v);
    }

    private static float weight(String word) {
        if (word.equals(PLACEHOLDER_WORD)) {
            return PLACEHOLDER_WEIGHT;
        }
        return STOP_WORDS.contains(word) ? STOP_WORD_WEIGHT : WORD_WEIGHT;
    }

    private void addTrigrams(float[] v, String word) {
        if (word.equals(PLACEHOLDER_WORD) || word.length() < 3 || STOP_WORDS.contains(word)) {
            return;
        }
        String padded = '^' + word + '$';
        int count = padded.length() - 2;
        float w = TRIGRAMS_WEIGHT / (float) Math.sqrt(count);
        for (int i = 0; i < count; i++) {
            add(v, "c:" + padded.substring(i, i + 3), w);
        }
    }

    private void add(float[] v, String feature, float weight) {
        int h = FEATURE_HASH.hashUnencodedChars(feature).asInt();
        int bucket = (h >>> 1) % dimension;
        v[bucket] += (h & 1) == 0 ? weight : -weight;
    }

    private static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0) {
            // every feature cancelled out by sign collisions: fall back to a fixed unit vector
            v[0] = 1.0f;
            return v;
        }
        float inv = (float) (1.0 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    /** Lowercase runs of letters, and the placeholder as a word of its own. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '<' && text.startsWith(PLACEHOLDER_WORD, i)) {
                words.add(PLACEHOLDER_WORD);
                i += PLACEHOLDER_WORD.length();
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            } else {
                i++;
            }
        }
        return words;
    }
}

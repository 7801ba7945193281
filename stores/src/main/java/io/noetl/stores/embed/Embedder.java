package io.noetl.stores.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns normalized text into a fixed-size vector. Implementations: the semantic sink's hashing embedder (no model
 * weights) and, in production, a sentence-transformer model.
 *
 * <p>Contract: the same text always gives the same vector; every vector has {@link #dimension()} finite components
 * and an L2 norm of 1 (cosine similarity is then a dot product); empty text gives a valid vector too.
 * Implementations are thread-safe.
 */
public interface Embedder {

    /** @return stable name of the model and its settings (e.g. {@code hashing-v1-384}); a new name means new vectors */
    String id();

    /** @return the length of every vector */
    int dimension();

    /**
     * @param text normalized text (see the sink's text normalizer); never null
     * @return a unit vector of {@link #dimension()} components
     */
    float[] embed(String text);

    /**
     * Embeds several texts at once; a model-backed embedder runs them as one batch.
     *
     * @param texts normalized texts, none null
     * @return one vector per text, in order
     */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(embed(text));
        }
        return out;
    }
}

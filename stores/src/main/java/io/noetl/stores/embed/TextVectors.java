package io.noetl.stores.embed;

/**
 * Texts to vectors the way the sink indexes them: normalized (variables masked, case folded) and embedded by the
 * configured {@link Embedder}. A reader embeds its queries through the same instance as the sink, so queries and
 * points share one space. Thread-safe.
 */
public interface TextVectors {

    /** @return the embedder's id (names the vector space: an index built with another id cannot be searched) */
    String embedderId();

    /** @return the vectors' dimension */
    int dimension();

    /** @return the unit vector of {@code input} */
    float[] embed(EmbeddingInput input);
}

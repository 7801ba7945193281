package io.noetl.stores.vector;

/**
 * A similarity search.
 *
 * @param vector query vector of the collection's dimension (normalized by the store)
 * @param limit  most hits returned, 1 to {@link VectorStore#MAX_LIMIT}
 * @param filter payload conditions; {@link SearchFilter#NONE} for none
 */
public record SearchRequest(float[] vector, int limit, SearchFilter filter) {

    public SearchRequest {
        if (vector == null) {
            throw new IllegalArgumentException("query vector must not be null");
        }
        if (limit < 1 || limit > VectorStore.MAX_LIMIT) {
            throw new IllegalArgumentException("search limit must be 1.." + VectorStore.MAX_LIMIT + ", got " + limit);
        }
        if (filter == null) {
            filter = SearchFilter.NONE;
        }
    }

    /** An unfiltered search. */
    public static SearchRequest of(float[] vector, int limit) {
        return new SearchRequest(vector, limit, SearchFilter.NONE);
    }
}

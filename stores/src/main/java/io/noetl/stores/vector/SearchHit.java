package io.noetl.stores.vector;

import java.util.UUID;

/**
 * One search result.
 *
 * @param id      point id
 * @param score   cosine similarity to the query, -1 to 1 (higher is closer)
 * @param payload the point's payload
 */
public record SearchHit(UUID id, float score, Payload payload) {
}

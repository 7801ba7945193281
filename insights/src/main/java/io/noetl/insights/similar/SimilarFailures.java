package io.noetl.insights.similar;

import io.noetl.insights.StoreAccess;
import io.noetl.insights.StoreUnavailableException;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.ResolutionRow;
import io.noetl.stores.embed.TextVectors;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.SearchFilter;
import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Past failures most like one failure: a nearest-neighbour search over the failure points (one per error event,
 * {@code noetl_failures}), one hit per execution, the execution asked about left out; each with what fixed it when a
 * person recorded a resolution ({@code resolution.recorded}, read from the analytics store).
 */
public final class SimilarFailures {

    /** Hits asked of the store per answer wanted: several errors of one execution collapse into one answer. */
    private static final int OVERFETCH = 5;

    private final StoreAccess stores;

    public SimilarFailures(StoreAccess stores) {
        this.stores = stores;
    }

    /**
     * @param executionId the execution asked about (left out of the answer)
     * @param failure     its failure
     * @param limit       most answers
     * @param missing     gets the name of the analytics store when resolutions could not be read
     * @throws StoreUnavailableException when the vector store is not attached or does not answer
     */
    public List<SimilarFailure> find(String executionId, FailureQuery failure, int limit, List<String> missing) {
        VectorStore vectors = stores.vectors().orElseThrow(() -> new StoreUnavailableException(StoreAccess.VECTORS,
                "no vector store is readable from this process", null));
        TextVectors embeddings = stores.embeddings().orElseThrow();
        List<SearchHit> hits;
        try {
            float[] query = embeddings.embed(failure.input());
            int fetch = Math.min(VectorStore.MAX_LIMIT, Math.max(limit, 1) * OVERFETCH + 1);
            hits = vectors.search(Collections.FAILURES, new SearchRequest(query, fetch, SearchFilter.NONE));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(StoreAccess.VECTORS, "vector store: " + e.getMessage(), e);
        }
        Map<String, SearchHit> best = new LinkedHashMap<>();
        for (SearchHit hit : hits) {
            Payload p = hit.payload();
            if (p == null || p.executionId() == null || p.executionId().equals(executionId)) {
                continue;
            }
            best.putIfAbsent(p.executionId(), hit);
            if (best.size() == limit) {
                break;
            }
        }
        Map<String, ResolutionRow> resolutions = resolutions(best.keySet(), missing);
        List<SimilarFailure> out = new ArrayList<>(best.size());
        for (SearchHit hit : best.values()) {
            Payload p = hit.payload();
            ResolutionRow r = resolutions.get(p.executionId());
            out.add(new SimilarFailure(p.executionId(), p.key(), p.playbook(), p.step(),
                    Math.round(hit.score() * 1000) / 1000.0, errorText(p),
                    r == null ? null : new Resolution(r.text(), r.by(), r.at())));
        }
        return out;
    }

    private Map<String, ResolutionRow> resolutions(java.util.Collection<String> ids, List<String> missing) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Optional<AnalyticsStore> analytics = stores.analytics();
        if (analytics.isEmpty()) {
            addOnce(missing, StoreAccess.ANALYTICS);
            return Map.of();
        }
        try {
            return analytics.get().resolutions(ids);
        } catch (RuntimeException e) {
            addOnce(missing, StoreAccess.ANALYTICS);
            return Map.of();
        }
    }

    /** The message of an indexed failure (its text is template | message | step | tool | class). */
    static String errorText(Payload p) {
        if (p.text() == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(List.of(p.text().split(" \\| ")));
        if (p.templateId() != null && parts.size() > 2) {
            return parts.get(1);
        }
        return parts.getFirst();
    }

    static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}

package io.noetl.insights.ask;

import io.noetl.insights.StoreAccess;
import io.noetl.insights.diagnosis.EvidenceItem;
import io.noetl.stores.analytics.AnalyticsStore;
import io.noetl.stores.analytics.ResolutionRow;
import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.embed.TextVectors;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.SearchFilter;
import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The question searched by meaning over the failure and execution points ({@code noetl_failures},
 * {@code noetl_executions}), embedded as the sink embeds; each past execution found once, with what fixed it when a
 * person recorded a resolution.
 */
final class SemanticEvidence {

    static final String FAILURE = "failure";
    static final String RESOLUTION = "resolution";
    private static final Logger LOG = LoggerFactory.getLogger(SemanticEvidence.class);
    private static final int HITS = 5;
    private static final int FETCH = 25;
    /** Below this similarity a hit shares nothing with the question worth quoting. */
    private static final double MIN_SCORE = 0.1;

    private final StoreAccess stores;

    SemanticEvidence(StoreAccess stores) {
        this.stores = stores;
    }

    /**
     * @param playbook only points of this playbook, or null
     * @param skip     an execution already in the evidence (left out), or null
     */
    List<EvidenceItem> search(String question, String playbook, String skip, List<String> missing) {
        Optional<VectorStore> vectors = stores.vectors();
        Optional<TextVectors> embeddings = stores.embeddings();
        if (vectors.isEmpty() || embeddings.isEmpty()) {
            Missing.add(missing, StoreAccess.VECTORS);
            return List.of();
        }
        SearchFilter filter = playbook == null ? SearchFilter.NONE : SearchFilter.NONE.withPlaybook(playbook);
        List<EvidenceItem> out = new ArrayList<>();
        Set<String> executions = new LinkedHashSet<>();
        try {
            float[] query = embeddings.get().embed(EmbeddingInput.of(question));
            for (SearchHit hit : hits(vectors.get(), Collections.FAILURES, query, filter, skip)) {
                Payload p = hit.payload();
                executions.add(p.executionId());
                out.add(new EvidenceItem(p.key(), p.step(), FAILURE, "execution " + p.executionId() + " (playbook "
                        + p.playbook() + ", step " + p.step() + ") failed" + at(p) + ": " + error(p)
                        + (p.errorClass() == null ? "" : " (" + p.errorClass() + ")") + resolved(p) + score(hit)));
            }
            for (SearchHit hit : hits(vectors.get(), Collections.EXECUTIONS, query, filter, skip)) {
                Payload p = hit.payload();
                executions.add(p.executionId());
                out.add(new EvidenceItem(p.key(), p.step(), ExecutionEvidence.EXECUTION, "execution "
                        + p.executionId() + ": " + p.status() + at(p) + ": " + String.valueOf(p.text())
                        .replace(" | ", "; ") + resolved(p) + score(hit)));
            }
        } catch (RuntimeException e) {
            LOG.warn("vector store unavailable for a question: {}", e.toString());
            Missing.add(missing, StoreAccess.VECTORS);
            return out;
        }
        out.addAll(resolutions(executions, missing));
        return out;
    }

    private static List<SearchHit> hits(VectorStore vectors, String collection, float[] query, SearchFilter filter,
            String skip) {
        List<SearchHit> hits;
        try {
            hits = vectors.search(collection, new SearchRequest(query, FETCH, filter));
        } catch (IllegalArgumentException e) {
            LOG.debug("no {} to search yet: {}", collection, e.getMessage());
            return List.of();
        }
        Map<String, SearchHit> best = new LinkedHashMap<>();
        for (SearchHit hit : hits) {
            Payload p = hit.payload();
            if (hit.score() >= MIN_SCORE && p != null && p.key() != null && p.executionId() != null
                    && !p.executionId().equals(skip)) {
                best.putIfAbsent(p.executionId(), hit);
            }
            if (best.size() == HITS) {
                break;
            }
        }
        return List.copyOf(best.values());
    }

    private List<EvidenceItem> resolutions(Set<String> executions, List<String> missing) {
        Optional<AnalyticsStore> analytics = stores.analytics();
        if (executions.isEmpty()) {
            return List.of();
        }
        if (analytics.isEmpty()) {
            Missing.add(missing, StoreAccess.ANALYTICS);
            return List.of();
        }
        List<EvidenceItem> out = new ArrayList<>();
        try {
            for (ResolutionRow r : analytics.get().resolutions(executions).values()) {
                out.add(new EvidenceItem(r.eventId(), null, RESOLUTION, "execution " + r.executionId() + " was fixed"
                        + (r.by() == null ? "" : " by " + r.by()) + (r.at() == null ? "" : " (recorded " + r.at()
                        + ")") + ": " + r.text()));
            }
        } catch (RuntimeException e) {
            LOG.debug("resolutions not readable for a question: {}", e.toString());
            Missing.add(missing, StoreAccess.ANALYTICS);
        }
        return out;
    }

    /** The failure's message (or template) out of the text the sink embedded: template | message | step | ... */
    private static String error(Payload p) {
        if (p.text() == null) {
            return "no message";
        }
        String[] parts = p.text().split(" \\| ");
        return p.templateId() != null && parts.length > 2 ? parts[1] : parts[0];
    }

    private static String at(Payload p) {
        return p.time() == null ? "" : " at " + p.time();
    }

    private static String resolved(Payload p) {
        return p.resolution() == null || p.resolution().isBlank() ? "" : "; resolved: " + p.resolution();
    }

    private static String score(SearchHit hit) {
        return String.format(Locale.ROOT, " (similarity %.2f)", hit.score());
    }
}

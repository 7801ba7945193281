package io.noetl.insights.search;

import io.noetl.insights.StoreAccess;
import io.noetl.insights.StoreUnavailableException;
import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.embed.TextVectors;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.SearchFilter;
import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Natural-language search over the vector store: failures (one point per error event), executions (one per trace)
 * or playbooks (one per version), with filters on playbook, step, status and time; a time the query states ("last
 * week") becomes a filter and leaves the embedded text.
 */
public final class Search {

    /** What to search. */
    public enum Kind {
        FAILURES(Collections.FAILURES), EXECUTIONS(Collections.EXECUTIONS), PLAYBOOKS(Collections.PLAYBOOKS);

        final String collection;

        Kind(String collection) {
            this.collection = collection;
        }

        /** @throws IllegalArgumentException naming the accepted kinds */
        public static Kind parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return FAILURES;
            }
            try {
                return valueOf(raw.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kind must be failures, executions or playbooks, got '" + raw + "'");
            }
        }
    }

    /**
     * Filters; each may be null.
     *
     * @param playbook only this playbook
     * @param step     only this step
     * @param status   only this status
     * @param since    only at or after (the query's own time, when it states one, wins)
     * @param until    only before
     */
    public record Filters(String playbook, String step, String status, Instant since, Instant until) {
        public static final Filters NONE = new Filters(null, null, null, null, null);
    }

    private final StoreAccess stores;
    private final Clock clock;

    public Search(StoreAccess stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** @throws StoreUnavailableException when the vector store cannot be read */
    public List<SearchItem> search(String query, Kind kind, Filters filters, int limit) {
        VectorStore vectors = stores.vectors().orElseThrow(() -> new StoreUnavailableException(StoreAccess.VECTORS,
                "no vector store is readable from this process", null));
        TextVectors embeddings = stores.embeddings().orElseThrow();
        QueryTime time = QueryTime.parse(query, clock.instant());
        Instant from = time.from() != null ? time.from() : filters.since();
        Instant to = time.to() != null ? time.to() : filters.until();
        SearchFilter filter = SearchFilter.NONE.withPlaybook(filters.playbook()).withStep(filters.step())
                .withStatus(filters.status());
        if (from != null || to != null) {
            filter = filter.withTimeRange(from, to);
        }
        List<SearchHit> hits;
        try {
            float[] vector = embeddings.embed(EmbeddingInput.of(time.text()));
            // a failure is one point per attempt: ask for more and keep the best of each execution's step
            int fetch = kind == Kind.FAILURES ? limit * 4 : limit;
            hits = vectors.search(kind.collection, new SearchRequest(vector, Math.min(fetch, VectorStore.MAX_LIMIT),
                    filter));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(StoreAccess.VECTORS, "vector store: " + e.getMessage(), e);
        }
        List<SearchItem> out = new ArrayList<>(hits.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SearchHit h : hits) {
            Payload p = h.payload();
            if (kind == Kind.FAILURES && !seen.add(p.executionId() + "/" + p.step())) {
                continue;
            }
            if (out.size() == limit) {
                break;
            }
            out.add(new SearchItem(p.executionId(), p.playbook(), p.step(), Math.round(h.score() * 1000) / 1000.0,
                    p.text(), p.key(), p.errorClass(), p.status(), p.time()));
        }
        return out;
    }
}

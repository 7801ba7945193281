package io.noetl.insights.generate;

import io.noetl.insights.StoreAccess;
import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.embed.TextVectors;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered playbooks nearest to a description: a search by meaning over the playbook points
 * ({@code noetl_playbooks}, one per playbook version, whose text lists the "step (tool)" entries its runs had),
 * one answer per playbook path.
 */
final class NearestPlaybooks {

    private static final Logger LOG = LoggerFactory.getLogger(NearestPlaybooks.class);
    private static final Pattern KEY = Pattern.compile("^(.+)@v(\\d+)$");
    private static final String STEPS = " | steps: ";
    private static final int FETCH = 20;

    private final StoreAccess stores;

    NearestPlaybooks(StoreAccess stores) {
        this.stores = stores;
    }

    List<NearPlaybook> find(String description, int limit, List<String> missing) {
        Optional<VectorStore> vectors = stores.vectors();
        Optional<TextVectors> embeddings = stores.embeddings();
        if (vectors.isEmpty() || embeddings.isEmpty()) {
            missing.add(StoreAccess.VECTORS);
            return List.of();
        }
        List<SearchHit> hits;
        try {
            float[] query = embeddings.get().embed(EmbeddingInput.of(description));
            hits = vectors.get().search(Collections.PLAYBOOKS, SearchRequest.of(query, FETCH));
        } catch (IllegalArgumentException e) {
            LOG.debug("no playbooks indexed yet: {}", e.getMessage());
            return List.of();
        } catch (RuntimeException e) {
            LOG.warn("vector store unavailable for playbook generation: {}", e.toString());
            missing.add(StoreAccess.VECTORS);
            return List.of();
        }
        List<NearPlaybook> out = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        for (SearchHit hit : hits) {
            Payload p = hit.payload();
            if (p == null || p.key() == null) {
                continue;
            }
            Matcher m = KEY.matcher(p.key());
            String path = p.playbook() != null ? p.playbook() : m.matches() ? m.group(1) : p.key();
            if (paths.add(path)) {
                out.add(new NearPlaybook(path, m.matches() ? Integer.valueOf(m.group(2)) : null,
                        Math.round(hit.score() * 1000) / 1000.0, steps(p.text())));
            }
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }

    static List<String> steps(String text) {
        int at = text == null ? -1 : text.indexOf(STEPS);
        if (at < 0 || at + STEPS.length() >= text.length()) {
            return List.of();
        }
        return List.of(text.substring(at + STEPS.length()).split(", "));
    }
}

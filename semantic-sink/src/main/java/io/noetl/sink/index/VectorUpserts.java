package io.noetl.sink.index;

import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.vector.PointChecks;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.VectorPoint;
import io.noetl.stores.vector.VectorStore;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write path of the vector index: drafts whose payload is too large are rejected, the rest are embedded in one
 * call and upserted collection by collection. When the store refuses a collection's points as a whole, they are
 * upserted one by one, so only the points it refuses are rejected (each with its record).
 */
final class VectorUpserts {

    private final VectorStore store;
    private final Embeddings embeddings;

    VectorUpserts(VectorStore store, Embeddings embeddings) {
        this.store = store;
        this.embeddings = embeddings;
    }

    /** Upserts the drafts into a version's collections; adds the records of refused points to {@code rejected}. */
    void upsertAll(int version, List<PointDraft> drafts, Rejections rejected) {
        int maxPayload = store.maxPayloadBytes();
        List<PointDraft> sized = new ArrayList<>(drafts.size());
        for (PointDraft d : drafts) {
            try {
                PointChecks.payloadSize(d.base() + " point " + d.payload().key(), d.payload(), maxPayload);
                sized.add(d);
            } catch (IllegalArgumentException e) {
                rejected.add(d.source(), e.getMessage());
            }
        }
        List<float[]> vectors = embeddings.embedAll(sized.stream().map(PointDraft::input).toList());
        Map<String, List<VectorPoint>> byCollection = new LinkedHashMap<>();
        Map<VectorPoint, PointDraft> origin = new IdentityHashMap<>();
        for (int i = 0; i < sized.size(); i++) {
            PointDraft d = sized.get(i);
            VectorPoint p = VectorPoint.of(vectors.get(i), d.payload());
            origin.put(p, d);
            byCollection.computeIfAbsent(Collections.versioned(d.base(), version), c -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<VectorPoint>> e : byCollection.entrySet()) {
            try {
                store.upsert(e.getKey(), e.getValue());
            } catch (IllegalArgumentException bulk) {
                for (VectorPoint p : e.getValue()) {
                    try {
                        store.upsert(e.getKey(), List.of(p));
                    } catch (IllegalArgumentException one) {
                        rejected.add(origin.get(p).source(), one.getMessage());
                    }
                }
            }
        }
    }
}

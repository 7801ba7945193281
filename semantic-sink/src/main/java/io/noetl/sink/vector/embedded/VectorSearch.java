package io.noetl.sink.vector.embedded;

import io.noetl.stores.vector.SearchHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * One search: nearest distinct vectors from the HNSW graph, each expanded to its points. With a payload filter, the
 * graph search is restricted to the vectors of the points that pass it (Lucene scores them exactly when they are
 * few). When vectors without a live point use up the candidates, the search widens.
 */
final class VectorSearch {

    private final IndexSearcher searcher;
    private final Query pointFilter;
    private final boolean filtered;
    private final int vectorCount;

    VectorSearch(IndexSearcher searcher, Query pointFilter, boolean filtered, int vectorCount) {
        this.searcher = searcher;
        this.pointFilter = pointFilter;
        this.filtered = filtered;
        this.vectorCount = vectorCount;
    }

    List<SearchHit> run(float[] query, int limit, int candidates) throws IOException {
        Query vectorFilter = null;
        if (filtered) {
            Set<BytesRef> hashes = matchingVectorHashes();
            if (hashes.isEmpty()) {
                return List.of();
            }
            vectorFilter = new TermInSetQuery(DocumentMapping.GROUP, hashes);
        }
        int k = candidates;
        while (true) {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(DocumentMapping.VECTOR, query, k, vectorFilter), k);
            List<SearchHit> hits = expand(top, limit);
            if (hits.size() >= limit || top.scoreDocs.length < k || k >= vectorCount) {
                return hits;
            }
            k = (int) Math.min((long) k * 4, vectorCount);
        }
    }

    private List<SearchHit> expand(TopDocs top, int limit) throws IOException {
        StoredFields stored = searcher.storedFields();
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        for (ScoreDoc vector : top.scoreDocs) {
            if (hits.size() >= limit) {
                break;
            }
            String hash = stored.document(vector.doc).get(DocumentMapping.GROUP);
            Query points = new BooleanQuery.Builder()
                    .add(new TermQuery(DocumentMapping.pointsWithVector(hash)), Occur.FILTER)
                    .add(pointFilter, Occur.FILTER)
                    .build();
            // DOT_PRODUCT scores are (1 + cos) / 2
            float cosine = 2 * vector.score - 1;
            for (ScoreDoc p : searcher.search(points, limit - hits.size()).scoreDocs) {
                Document doc = stored.document(p.doc);
                String id = doc.get(DocumentMapping.ID);
                hits.putIfAbsent(id, new SearchHit(DocumentMapping.id(doc), cosine, DocumentMapping.toPayload(doc)));
            }
        }
        return new ArrayList<>(hits.values());
    }

    /** Hashes of the vectors of the live points that pass the filter. */
    private Set<BytesRef> matchingVectorHashes() throws IOException {
        Set<BytesRef> hashes = new HashSet<>();
        Weight weight = searcher.createWeight(searcher.rewrite(pointFilter), ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            SortedDocValues values = leaf.reader().getSortedDocValues(DocumentMapping.VECTOR_HASH);
            if (scorer == null || values == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            Set<Integer> ords = new HashSet<>();
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if ((live == null || live.get(doc)) && values.advanceExact(doc)) {
                    ords.add(values.ordValue());
                }
            }
            for (int ord : ords) {
                hashes.add(BytesRef.deepCopyOf(values.lookupOrd(ord)));
            }
        }
        return hashes;
    }
}

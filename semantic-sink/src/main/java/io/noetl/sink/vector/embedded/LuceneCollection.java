package io.noetl.sink.vector.embedded;

import io.noetl.sink.vector.SearchHit;
import io.noetl.sink.vector.VectorPoint;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One open collection: a Lucene index with an HNSW graph over unit vectors (dot product), a writer, and a
 * near-real-time searcher refreshed lazily — only when something was written since the last read, so a bulk load
 * does not flush a tiny segment per batch.
 */
final class LuceneCollection implements Closeable {

    private final int dimension;
    private final int candidates;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean stale = new AtomicBoolean();

    LuceneCollection(Path indexDir, int dimension, EmbeddedStoreOptions options) throws IOException {
        this.dimension = dimension;
        this.candidates = options.candidates();
        KnnVectorsFormat format = new Lucene99HnswVectorsFormat(options.maxConn(), options.beamWidth());
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(options.ramBufferMb())
                .setCodec(new Lucene104Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return format;
                    }
                });
        Directory dir = FSDirectory.open(indexDir);
        try {
            this.writer = new IndexWriter(dir, config);
            this.writer.commit();
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
        this.directory = dir;
    }

    int dimension() {
        return dimension;
    }

    /** @param unitVectors the points' vectors, already checked and normalized, in the order of {@code points} */
    void upsert(List<VectorPoint> points, List<float[]> unitVectors) throws IOException {
        for (int i = 0; i < points.size(); i++) {
            VectorPoint p = points.get(i);
            writer.updateDocument(DocumentMapping.idTerm(p.id()),
                    DocumentMapping.toDocument(p.id(), unitVectors.get(i), p.payload()));
        }
        stale.set(true);
    }

    void delete(Collection<UUID> ids) throws IOException {
        Term[] terms = ids.stream().map(DocumentMapping::idTerm).toArray(Term[]::new);
        writer.deleteDocuments(terms);
        stale.set(true);
    }

    long count() throws IOException {
        IndexSearcher s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    Optional<VectorPoint> get(UUID id) throws IOException {
        IndexSearcher s = acquire();
        try {
            TopDocs top = s.search(new TermQuery(DocumentMapping.idTerm(id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = top.scoreDocs[0].doc;
            Document stored = s.storedFields().document(doc);
            return Optional.of(new VectorPoint(id, vector(s, doc), DocumentMapping.toPayload(stored)));
        } finally {
            searchers.release(s);
        }
    }

    /** @param filter a Lucene filter or null; selective filters make Lucene score the matching docs exactly */
    List<SearchHit> search(float[] unitQuery, int limit, Query filter) throws IOException {
        IndexSearcher s = acquire();
        try {
            int k = Math.max(limit, candidates);
            TopDocs top = s.search(new KnnFloatVectorQuery(DocumentMapping.VECTOR, unitQuery, k, filter), k);
            StoredFields stored = s.storedFields();
            int n = Math.min(limit, top.scoreDocs.length);
            List<SearchHit> hits = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                Document doc = stored.document(sd.doc);
                // DOT_PRODUCT scores are (1 + cos) / 2
                hits.add(new SearchHit(DocumentMapping.id(doc), 2 * sd.score - 1, DocumentMapping.toPayload(doc)));
            }
            return hits;
        } finally {
            searchers.release(s);
        }
    }

    void commit() throws IOException {
        writer.commit();
    }

    @Override
    public void close() throws IOException {
        try (directory; writer; searchers) {
            writer.commit();
        }
    }

    private IndexSearcher acquire() throws IOException {
        if (stale.getAndSet(false)) {
            searchers.maybeRefreshBlocking();
        }
        return searchers.acquire();
    }

    private float[] vector(IndexSearcher s, int doc) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(DocumentMapping.VECTOR);
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(doc - leaf.docBase) != doc - leaf.docBase) {
            throw new IOException("point at doc " + doc + " has no vector");
        }
        return values.vectorValue(it.index()).clone();
    }
}

package io.noetl.sink.vector.embedded;

import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.VectorPoint;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * One open collection: a Lucene index with an HNSW graph over the distinct unit vectors (dot product) and one
 * document per point (see {@link DocumentMapping}), a writer, and a near-real-time searcher refreshed lazily — only
 * when something was written since the last read, so a bulk load does not flush a tiny segment per batch.
 *
 * <p>A vector document is written the first time its vector is seen and never removed; when every point using it is
 * gone it is skipped at search time (a later version of the collection, built by a replay, drops it).
 */
final class LuceneCollection implements Closeable {

    private final int dimension;
    private final int candidates;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Set<String> vectors = ConcurrentHashMap.newKeySet();
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
            loadVectorHashes();
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
            float[] unit = unitVectors.get(i);
            String hash = VectorHash.of(unit);
            if (vectors.add(hash)) {
                writer.addDocument(DocumentMapping.vectorDocument(hash, unit));
            }
            writer.updateDocument(DocumentMapping.idTerm(p.id()), DocumentMapping.pointDocument(p.id(), hash,
                    p.payload()));
        }
        stale.set(true);
    }

    void delete(Collection<UUID> ids) throws IOException {
        writer.deleteDocuments(ids.stream().map(DocumentMapping::idTerm).toArray(Term[]::new));
        stale.set(true);
    }

    long count() throws IOException {
        IndexSearcher s = acquire();
        try {
            return s.count(DocumentMapping.points());
        } finally {
            searchers.release(s);
        }
    }

    Optional<VectorPoint> get(UUID id) throws IOException {
        IndexSearcher s = acquire();
        try {
            TopDocs point = s.search(new TermQuery(DocumentMapping.idTerm(id)), 1);
            if (point.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document stored = s.storedFields().document(point.scoreDocs[0].doc);
            String hash = DocumentMapping.vectorHash(stored);
            TopDocs vector = s.search(new TermQuery(DocumentMapping.vectorDoc(hash)), 1);
            if (vector.scoreDocs.length == 0) {
                throw new IOException("point " + id + " refers to vector " + hash + ", which is missing");
            }
            return Optional.of(new VectorPoint(id, vector(s, vector.scoreDocs[0].doc),
                    DocumentMapping.toPayload(stored)));
        } finally {
            searchers.release(s);
        }
    }

    /** @param pointFilter which points may be returned; see {@link DocumentMapping#pointFilter} */
    List<SearchHit> search(float[] unitQuery, int limit, Query pointFilter, boolean filtered) throws IOException {
        IndexSearcher s = acquire();
        try {
            return new VectorSearch(s, pointFilter, filtered, vectors.size()).run(unitQuery, limit,
                    Math.max(limit, candidates));
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

    private void loadVectorHashes() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(DocumentMapping.GROUP);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                for (BytesRef term = te.next(); term != null; term = te.next()) {
                    vectors.add(term.utf8ToString());
                }
            }
        } finally {
            searchers.release(s);
        }
    }

    static float[] vector(IndexSearcher s, int doc) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(DocumentMapping.VECTOR);
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(doc - leaf.docBase) != doc - leaf.docBase) {
            throw new IOException("vector document " + doc + " has no vector");
        }
        return values.vectorValue(it.index()).clone();
    }
}

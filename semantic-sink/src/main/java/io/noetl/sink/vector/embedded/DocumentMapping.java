package io.noetl.sink.vector.embedded;

import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.SearchFilter;
import java.time.Instant;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * How a collection is laid out in Lucene. A <em>point</em> document holds the id, the payload and the hash of its
 * unit vector; a <em>vector</em> document holds one distinct vector (in the HNSW graph) and its hash. Points with
 * the same vector share one vector document: a flood of one error adds one graph node, not thousands of identical
 * ones, which HNSW cannot link into a searchable graph.
 */
final class DocumentMapping {

    static final String ID = "_id";
    static final String VECTOR = "vector";
    /** On a point: the hash of its unit vector (indexed, stored and as doc values). */
    static final String VECTOR_HASH = "_vh";
    /** On a vector document: the hash of its vector. */
    static final String GROUP = "_group";
    private static final String KIND = "_kind";
    private static final Term POINT_KIND = new Term(KIND, "point");
    private static final Term VECTOR_KIND = new Term(KIND, "vector");
    private static final String KEY = "key";
    private static final String EXECUTION_ID = "execution_id";
    private static final String PLAYBOOK = "playbook";
    private static final String STEP = "step";
    private static final String ERROR_CLASS = "error_class";
    private static final String TEMPLATE_ID = "template_id";
    private static final String STATUS = "status";
    private static final String TIME = "time";
    private static final String TIME_MS = "time_ms";
    private static final String RESOLUTION = "resolution";
    private static final String TEXT = "text";

    private DocumentMapping() {
    }

    static Term idTerm(UUID id) {
        return new Term(ID, id.toString());
    }

    /** @return the term of the points with this vector */
    static Term pointsWithVector(String hash) {
        return new Term(VECTOR_HASH, hash);
    }

    /** @return the term of the vector document with this hash */
    static Term vectorDoc(String hash) {
        return new Term(GROUP, hash);
    }

    static Query points() {
        return new TermQuery(POINT_KIND);
    }

    /** @param hash the hash of {@code unit} (see {@link VectorHash}) */
    static Document vectorDocument(String hash, float[] unit) {
        Document doc = new Document();
        doc.add(new StringField(KIND, VECTOR_KIND.text(), Field.Store.NO));
        doc.add(new StringField(GROUP, hash, Field.Store.YES));
        doc.add(new KnnFloatVectorField(VECTOR, unit, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    /** @param hash the hash of the point's unit vector */
    static Document pointDocument(UUID id, String hash, Payload p) {
        Document doc = new Document();
        doc.add(new StringField(KIND, POINT_KIND.text(), Field.Store.NO));
        doc.add(new StringField(ID, id.toString(), Field.Store.YES));
        doc.add(new StringField(VECTOR_HASH, hash, Field.Store.YES));
        doc.add(new SortedDocValuesField(VECTOR_HASH, new BytesRef(hash)));
        keyword(doc, KEY, p.key());
        keyword(doc, EXECUTION_ID, p.executionId());
        keyword(doc, PLAYBOOK, p.playbook());
        keyword(doc, STEP, p.step());
        keyword(doc, ERROR_CLASS, p.errorClass());
        keyword(doc, TEMPLATE_ID, p.templateId());
        keyword(doc, STATUS, p.status());
        if (p.time() != null) {
            doc.add(new LongPoint(TIME_MS, p.time().toEpochMilli()));
            doc.add(new StoredField(TIME, p.time().toString()));
        }
        stored(doc, RESOLUTION, p.resolution());
        stored(doc, TEXT, p.text());
        return doc;
    }

    static String vectorHash(Document point) {
        return point.get(VECTOR_HASH);
    }

    static UUID id(Document doc) {
        return UUID.fromString(doc.get(ID));
    }

    static Payload toPayload(Document doc) {
        String time = doc.get(TIME);
        return new Payload(doc.get(KEY), doc.get(EXECUTION_ID), doc.get(PLAYBOOK), doc.get(STEP),
                doc.get(ERROR_CLASS), doc.get(TEMPLATE_ID), doc.get(STATUS), time == null ? null : Instant.parse(time),
                doc.get(RESOLUTION), doc.get(TEXT));
    }

    /** @return a query for the points that meet the filter */
    static Query pointFilter(SearchFilter f) {
        if (f == null || f.isEmpty()) {
            return points();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(points(), Occur.FILTER);
        term(b, PLAYBOOK, f.playbook());
        term(b, STEP, f.step());
        term(b, ERROR_CLASS, f.errorClass());
        term(b, TEMPLATE_ID, f.templateId());
        term(b, STATUS, f.status());
        if (f.from() != null || f.to() != null) {
            long lo = f.from() == null ? Long.MIN_VALUE : f.from().toEpochMilli();
            long hi = f.to() == null ? Long.MAX_VALUE : Math.subtractExact(f.to().toEpochMilli(), 1);
            b.add(LongPoint.newRangeQuery(TIME_MS, lo, hi), Occur.FILTER);
        }
        return b.build();
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StringField(field, value, Field.Store.YES));
        }
    }

    private static void stored(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StoredField(field, value));
        }
    }

    private static void term(BooleanQuery.Builder b, String field, String value) {
        if (value != null) {
            b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }
}

package io.noetl.sink.vector.embedded;

import io.noetl.sink.vector.Payload;
import io.noetl.sink.vector.SearchFilter;
import java.time.Instant;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** How a point is laid out as a Lucene document, and a {@link SearchFilter} as a Lucene query. */
final class DocumentMapping {

    static final String ID = "_id";
    static final String VECTOR = "vector";
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

    /** @param unit the point's vector, already unit length (dot product equals cosine) */
    static Document toDocument(UUID id, float[] unit, Payload p) {
        Document doc = new Document();
        doc.add(new StringField(ID, id.toString(), Field.Store.YES));
        doc.add(new KnnFloatVectorField(VECTOR, unit, VectorSimilarityFunction.DOT_PRODUCT));
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

    static UUID id(Document doc) {
        return UUID.fromString(doc.get(ID));
    }

    static Payload toPayload(Document doc) {
        String time = doc.get(TIME);
        return new Payload(doc.get(KEY), doc.get(EXECUTION_ID), doc.get(PLAYBOOK), doc.get(STEP),
                doc.get(ERROR_CLASS), doc.get(TEMPLATE_ID), doc.get(STATUS), time == null ? null : Instant.parse(time),
                doc.get(RESOLUTION), doc.get(TEXT));
    }

    /** @return the filter as a Lucene query, or null for no condition */
    static Query filter(SearchFilter f) {
        if (f == null || f.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
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

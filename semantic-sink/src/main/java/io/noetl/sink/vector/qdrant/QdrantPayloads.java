package io.noetl.sink.vector.qdrant;

import io.noetl.stores.vector.Payload;
import io.noetl.stores.vector.SearchFilter;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link Payload} is stored in Qdrant: every string field as a keyword under a snake_case key, the time as
 * integer epoch milliseconds under {@code time_ms} so range filters work; null fields are left out.
 */
final class QdrantPayloads {

    static final String KEY = "key";
    static final String EXECUTION_ID = "execution_id";
    static final String PLAYBOOK = "playbook";
    static final String STEP = "step";
    static final String ERROR_CLASS = "error_class";
    static final String TEMPLATE_ID = "template_id";
    static final String STATUS = "status";
    static final String TIME_MS = "time_ms";
    static final String RESOLUTION = "resolution";
    static final String TEXT = "text";

    /** Keyword fields searches filter on; each gets a keyword payload index. */
    static final List<String> KEYWORD_INDEXES = List.of(PLAYBOOK, STEP, ERROR_CLASS, TEMPLATE_ID, STATUS);

    private QdrantPayloads() {
    }

    static Map<String, Value> toQdrant(Payload p) {
        Map<String, Value> m = new HashMap<>();
        put(m, KEY, p.key());
        put(m, EXECUTION_ID, p.executionId());
        put(m, PLAYBOOK, p.playbook());
        put(m, STEP, p.step());
        put(m, ERROR_CLASS, p.errorClass());
        put(m, TEMPLATE_ID, p.templateId());
        put(m, STATUS, p.status());
        put(m, RESOLUTION, p.resolution());
        put(m, TEXT, p.text());
        if (p.time() != null) {
            m.put(TIME_MS, Value.newBuilder().setIntegerValue(p.time().toEpochMilli()).build());
        }
        return m;
    }

    static Payload fromQdrant(Map<String, Value> m) {
        Value time = m.get(TIME_MS);
        Instant instant = null;
        if (time != null) {
            instant = switch (time.getKindCase()) {
                case INTEGER_VALUE -> Instant.ofEpochMilli(time.getIntegerValue());
                case DOUBLE_VALUE -> Instant.ofEpochMilli((long) time.getDoubleValue());
                default -> null;
            };
        }
        return new Payload(string(m, KEY), string(m, EXECUTION_ID), string(m, PLAYBOOK), string(m, STEP),
                string(m, ERROR_CLASS), string(m, TEMPLATE_ID), string(m, STATUS), instant, string(m, RESOLUTION),
                string(m, TEXT));
    }

    /** @return the filter, or null when {@code f} sets no condition */
    static Filter toQdrant(SearchFilter f) {
        if (f == null || f.isEmpty()) {
            return null;
        }
        Filter.Builder b = Filter.newBuilder();
        keyword(b, PLAYBOOK, f.playbook());
        keyword(b, STEP, f.step());
        keyword(b, ERROR_CLASS, f.errorClass());
        keyword(b, TEMPLATE_ID, f.templateId());
        keyword(b, STATUS, f.status());
        if (f.from() != null || f.to() != null) {
            Range.Builder r = Range.newBuilder();
            if (f.from() != null) {
                r.setGte(f.from().toEpochMilli());
            }
            if (f.to() != null) {
                r.setLt(f.to().toEpochMilli());
            }
            b.addMust(Condition.newBuilder().setField(FieldCondition.newBuilder().setKey(TIME_MS).setRange(r)));
        }
        return b.build();
    }

    private static void keyword(Filter.Builder b, String key, String value) {
        if (value != null) {
            b.addMust(Condition.newBuilder().setField(FieldCondition.newBuilder().setKey(key)
                    .setMatch(Match.newBuilder().setKeyword(value))));
        }
    }

    private static void put(Map<String, Value> m, String key, String value) {
        if (value != null) {
            m.put(key, Value.newBuilder().setStringValue(value).build());
        }
    }

    private static String string(Map<String, Value> m, String key) {
        Value v = m.get(key);
        return v != null && v.getKindCase() == Value.KindCase.STRING_VALUE ? v.getStringValue() : null;
    }
}

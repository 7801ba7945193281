package io.noetl.sink.vector.qdrant;

import io.grpc.Status;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;

/**
 * Qdrant's filter semantics for the conditions the store sends and a few neighbours: {@code must}, {@code should},
 * {@code must_not}, nested filters, {@code has_id}, {@code is_empty}, {@code is_null}, and field conditions with a
 * keyword, integer, boolean or keyword-set match, or a numeric range. A missing field matches no field condition.
 * Anything else is answered with UNIMPLEMENTED rather than guessed.
 */
final class QdrantFilters {

    private QdrantFilters() {
    }

    static boolean matches(Filter f, QdrantMemory.StoredPoint p) {
        if (f == null) {
            return true;
        }
        for (Condition c : f.getMustList()) {
            if (!matches(c, p)) {
                return false;
            }
        }
        for (Condition c : f.getMustNotList()) {
            if (matches(c, p)) {
                return false;
            }
        }
        if (f.getShouldCount() > 0 && f.getShouldList().stream().noneMatch(c -> matches(c, p))) {
            return false;
        }
        if (f.hasMinShould()) {
            long hits = f.getMinShould().getConditionsList().stream().filter(c -> matches(c, p)).count();
            return hits >= f.getMinShould().getMinCount();
        }
        return true;
    }

    private static boolean matches(Condition c, QdrantMemory.StoredPoint p) {
        return switch (c.getConditionOneOfCase()) {
            case FIELD -> matches(c.getField(), p.payload().get(c.getField().getKey()));
            case FILTER -> matches(c.getFilter(), p);
            case HAS_ID -> c.getHasId().getHasIdList().stream().anyMatch(id -> QdrantWire.id(id).equals(p.id()));
            case IS_EMPTY -> isEmpty(p.payload().get(c.getIsEmpty().getKey()));
            case IS_NULL -> {
                Value v = p.payload().get(c.getIsNull().getKey());
                yield v != null && v.getKindCase() == Value.KindCase.NULL_VALUE;
            }
            default -> throw unsupported("condition " + c.getConditionOneOfCase());
        };
    }

    private static boolean matches(FieldCondition f, Value v) {
        if (f.hasGeoBoundingBox() || f.hasGeoRadius() || f.hasGeoPolygon() || f.hasValuesCount()
                || f.hasDatetimeRange()) {
            throw unsupported("field condition on " + f.getKey());
        }
        if (f.hasIsEmpty() && f.getIsEmpty() != isEmpty(v)) {
            return false;
        }
        if (f.hasIsNull()
                && f.getIsNull() != (v != null && v.getKindCase() == Value.KindCase.NULL_VALUE)) {
            return false;
        }
        if (f.hasMatch() && !anyValue(v, x -> match(f.getMatch(), x))) {
            return false;
        }
        if (f.hasRange() && !anyValue(v, x -> inRange(f.getRange(), x))) {
            return false;
        }
        return f.hasMatch() || f.hasRange() || f.hasIsEmpty() || f.hasIsNull();
    }

    /** Qdrant matches an array field when any element matches. */
    private static boolean anyValue(Value v, java.util.function.Predicate<Value> test) {
        if (v == null) {
            return false;
        }
        if (v.getKindCase() == Value.KindCase.LIST_VALUE) {
            return v.getListValue().getValuesList().stream().anyMatch(test);
        }
        return test.test(v);
    }

    private static boolean match(Match m, Value v) {
        return switch (m.getMatchValueCase()) {
            case KEYWORD -> v.getKindCase() == Value.KindCase.STRING_VALUE && v.getStringValue().equals(m.getKeyword());
            case INTEGER -> v.getKindCase() == Value.KindCase.INTEGER_VALUE && v.getIntegerValue() == m.getInteger();
            case BOOLEAN -> v.getKindCase() == Value.KindCase.BOOL_VALUE && v.getBoolValue() == m.getBoolean();
            case KEYWORDS -> v.getKindCase() == Value.KindCase.STRING_VALUE
                    && m.getKeywords().getStringsList().contains(v.getStringValue());
            case INTEGERS -> v.getKindCase() == Value.KindCase.INTEGER_VALUE
                    && m.getIntegers().getIntegersList().contains(v.getIntegerValue());
            case EXCEPT_KEYWORDS -> v.getKindCase() == Value.KindCase.STRING_VALUE
                    && !m.getExceptKeywords().getStringsList().contains(v.getStringValue());
            default -> throw unsupported("match " + m.getMatchValueCase());
        };
    }

    private static boolean inRange(Range r, Value v) {
        double x;
        if (v.getKindCase() == Value.KindCase.INTEGER_VALUE) {
            x = v.getIntegerValue();
        } else if (v.getKindCase() == Value.KindCase.DOUBLE_VALUE) {
            x = v.getDoubleValue();
        } else {
            return false;
        }
        return (!r.hasLt() || x < r.getLt()) && (!r.hasLte() || x <= r.getLte())
                && (!r.hasGt() || x > r.getGt()) && (!r.hasGte() || x >= r.getGte());
    }

    private static boolean isEmpty(Value v) {
        return v == null || v.getKindCase() == Value.KindCase.NULL_VALUE
                || (v.getKindCase() == Value.KindCase.LIST_VALUE && v.getListValue().getValuesCount() == 0);
    }

    private static RuntimeException unsupported(String what) {
        return Status.UNIMPLEMENTED.withDescription("this server does not evaluate " + what).asRuntimeException();
    }
}

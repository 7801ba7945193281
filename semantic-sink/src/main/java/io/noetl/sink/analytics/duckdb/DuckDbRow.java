package io.noetl.sink.analytics.duckdb;

import io.noetl.sink.analytics.StoredRow;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A DuckDB result row copied out of its {@link ResultSet} (by column label), lists as Java lists. */
final class DuckDbRow implements StoredRow {

    private final Map<String, Object> values;

    private DuckDbRow(Map<String, Object> values) {
        this.values = values;
    }

    /** @return the current row of {@code rs} */
    static DuckDbRow of(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> values = new HashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            if (value instanceof Array array) {
                value = Arrays.asList((Object[]) array.getArray());
            }
            values.put(meta.getColumnLabel(i), value);
        }
        return new DuckDbRow(values);
    }

    @Override
    public String text(String column) {
        Object value = value(column);
        return value == null ? null : value.toString();
    }

    @Override
    public Long number(String column) {
        Object value = value(column);
        return value == null ? null : ((Number) value).longValue();
    }

    @Override
    public Double decimal(String column) {
        Object value = value(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    @Override
    public List<String> texts(String column) {
        List<String> out = new ArrayList<>();
        for (Object item : list(column)) {
            if (item != null) {
                out.add(item.toString());
            }
        }
        return out;
    }

    @Override
    public List<Long> numbers(String column) {
        List<Long> out = new ArrayList<>();
        for (Object item : list(column)) {
            if (item != null) {
                out.add(((Number) item).longValue());
            }
        }
        return out;
    }

    private List<?> list(String column) {
        Object value = value(column);
        return value == null ? List.of() : (List<?>) value;
    }

    private Object value(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("no column " + column + " in the row; columns: " + values.keySet());
        }
        return values.get(column);
    }
}

package io.noetl.sink.analytics.duckdb;

import io.noetl.sink.analytics.PageCursor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A query built piece by piece with its string parameters (null allowed) in placeholder order; numbers, which the
 * store computes itself, go in as literals.
 */
final class DuckDbStatement {

    private final StringBuilder sql = new StringBuilder();
    private final List<String> params = new ArrayList<>();

    DuckDbStatement(String start) {
        sql.append(start);
    }

    /** Appends SQL text. */
    DuckDbStatement add(String text) {
        sql.append(text);
        return this;
    }

    /** Appends SQL text with one placeholder for {@code param}. */
    DuckDbStatement add(String text, String param) {
        sql.append(text);
        params.add(param);
        return this;
    }

    /** Appends {@code AND column = ?} when {@code value} is not null. */
    DuckDbStatement equal(String column, String value) {
        return value == null ? this : add(" AND " + column + " = ?", value);
    }

    /** Appends {@code column IN (?, ...)} with one placeholder per value (there is at least one). */
    DuckDbStatement in(String column, List<String> values) {
        sql.append(column).append(" IN (").append("?, ".repeat(values.size() - 1)).append("?)");
        params.addAll(values);
        return this;
    }

    /** Appends the rows after a cursor of a list ordered by {@code sortMs} then {@code id}, both descending. */
    DuckDbStatement after(String sortMs, String id, PageCursor cursor) {
        if (cursor == null) {
            return this;
        }
        return add(" AND (" + sortMs + " < " + cursor.millis() + " OR (" + sortMs + " = " + cursor.millis()
                + " AND " + id + " < ?))", cursor.id());
    }

    String sql() {
        return sql.toString();
    }

    List<String> params() {
        return Collections.unmodifiableList(params);
    }
}
